//! Script tests of the plain session: input lines in, edits and output out.
