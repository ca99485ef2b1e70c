//! The few styles the interface uses. Meaning never rests on colour alone:
//! every coloured thing also has a mark, a bracket or bold/reverse, so the
//! screen reads the same on a washed-out projector and with `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};

pub struct Styles {
    pub normal: Style,
    pub dim: Style,
    pub bold: Style,
    pub title: Style,
    /// The focused field or selected row.
    pub selected: Style,
    /// The chosen option of a choice field.
    pub chosen: Style,
    pub bar: Style,
    pub error: Style,
    pub warning: Style,
    pub ok: Style,
}

impl Styles {
    pub fn new(colour: bool) -> Self {
        let base = Style::default();
        let reversed = base.add_modifier(Modifier::REVERSED);
        let bold = base.add_modifier(Modifier::BOLD);
        if colour {
            Self {
                normal: base,
                dim: base.fg(Color::DarkGray),
                bold,
                title: bold.fg(Color::Cyan),
                selected: reversed.add_modifier(Modifier::BOLD),
                chosen: bold.fg(Color::Black).bg(Color::Cyan),
                bar: reversed,
                error: bold.fg(Color::White).bg(Color::Red),
                warning: bold.fg(Color::Yellow),
                ok: base.fg(Color::Green),
            }
        } else {
            Self {
                normal: base,
                dim: base,
                bold,
                title: bold,
                selected: reversed.add_modifier(Modifier::BOLD),
                chosen: reversed,
                bar: reversed,
                error: reversed.add_modifier(Modifier::BOLD),
                warning: bold,
                ok: base,
            }
        }
    }
}
