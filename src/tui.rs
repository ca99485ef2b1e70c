//! The terminal interface.

pub mod text_edit;
