-- Schema version 2: one index for the subject filters used together
-- (`sitrep claims --side X --category Y` with a kind and no date window).
-- With only the single-column indexes of version 1 that query took about
-- 76 ms over a million claims; this keeps it an index range scan.
CREATE INDEX claims_subject ON claims (subject_side, category, subject_kind, date_first, date_last);
