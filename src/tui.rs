//! The terminal interface: state (`app`), what can happen (`action`), keys
//! (`keymap`), the pure state machine (`update`), the IO it asks for
//! (`effect`), drawing (`view`), and the driver that ties them to a terminal.

pub mod action;
pub mod app;
pub mod backend;
pub mod effect;
pub mod events;
pub mod graphemes;
pub mod keymap;
pub mod screen;
pub mod terminal;
pub mod text_edit;
pub mod update;
pub mod view;
