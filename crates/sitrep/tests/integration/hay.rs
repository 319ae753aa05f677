//! Sample articles for the tests: short, project-written, wire-style texts
//! (the "haystack" tests search, after ripgrep's `tests/hay.rs`).
//!
//! They describe the kind of reporting sitrep reads (attributed and
//! competing figures, denials, vague counts, ranges, relative dates) in the
//! project's own words. None is copied from a publication or from the
//! evaluation set. Each states its publication day, the anchor for its
//! relative dates.

/// A border clash with competing tolls from each side and a denial.
/// Published 2025-10-12.
pub const BORDER_CLASH: &str = "\
Afghan and Pakistani forces exchanged heavy fire along the border late on Saturday.

Afghanistan's defence ministry said 40 Pakistani soldiers had been killed and that \
its forces had captured several border posts. It said eight Afghan soldiers died.

Pakistan's military said 23 of its soldiers were killed and 29 wounded, and that more \
than 200 Afghan fighters had been killed. A Pakistani spokesman denied that any posts \
had been captured.
";

/// An overnight drone attack with interception figures.
/// Published 2025-09-07.
pub const DRONE_ATTACK: &str = "\
Russia launched hundreds of drones at Ukraine overnight, Ukrainian officials said on Sunday.

The Ukrainian air force said 810 drones and 13 missiles had been launched, and that \
747 drones and four missiles were shot down or jammed. City officials in Kyiv said \
two people were killed and at least 18 wounded.
";

/// Displacement figures from a UN agency, with a range.
/// Published 2025-10-30.
pub const DISPLACEMENT: &str = "\
More than 26,000 people have fled the city since Sunday, the International \
Organization for Migration said. Aid groups said between 1,500 and 2,000 families \
reached a nearby camp on Tuesday, and tens of thousands more remain trapped.
";

/// A text with non-ASCII characters, so that byte and code-point offsets
/// differ. Published 2025-06-16.
pub const NON_ASCII: &str = "\
In Kyiv – Київ – officials said three people were killed. Émile Dupont, a \
spokesman for the aid group, said “dozens” were wounded.
";

/// Cross-border strikes with tolls in the strike's own sentence (two
/// competing ones for the air strike), arrests with deportations, and a
/// denied strike. Published 2025-10-14.
pub const BORDER_SHELLING: &str = "\
Pakistani artillery shelled the Afghan border town of Spin Boldak on Monday, killing at \
least six civilians, Afghan officials said.

Pakistani jets struck a market in Khost on Monday, killing 12 people, Afghan officials \
said, while a Pakistani official put the toll at nine.

Pakistani police arrested 30 Afghan migrants in Quetta on Tuesday and began deporting \
them, officials said.

Pakistan denied carrying out air strikes in Paktika province.
";
