//! Reading sources into documents. (Interface stub: to be implemented.)
