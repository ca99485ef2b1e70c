//! The few styles the interface uses. Meaning never rests on colour alone:
//! every coloured thing also has a mark, a bracket or bold/reverse, so the
//! screen reads the same on a washed-out projector and with `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;

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
    /// The styles of a theme; without colour (`NO_COLOR`) every theme is the
    /// same plain set of bold and reverse video.
    pub fn new(theme: ThemeName, colour: bool) -> Self {
        let base = Style::default();
        let reversed = base.add_modifier(Modifier::REVERSED);
        let bold = base.add_modifier(Modifier::BOLD);
        if !colour {
            return Self {
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
            };
        }
        match theme {
            ThemeName::Dark => Self {
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
            },
            // Blue and red read on white; cyan and yellow do not.
            ThemeName::Light => Self {
                normal: base,
                dim: base.fg(Color::DarkGray),
                bold,
                title: bold.fg(Color::Blue),
                selected: reversed.add_modifier(Modifier::BOLD),
                chosen: bold.fg(Color::White).bg(Color::Blue),
                bar: reversed,
                error: bold.fg(Color::White).bg(Color::Red),
                warning: bold.fg(Color::Red),
                ok: base.fg(Color::Green),
            },
            // Nothing dim: every word bright on black, choices black on yellow.
            ThemeName::HighContrast => {
                let bright = Style::default().fg(Color::White).bg(Color::Black);
                let strong = bright.add_modifier(Modifier::BOLD);
                let marked = strong.fg(Color::Black).bg(Color::Yellow);
                Self {
                    normal: bright,
                    dim: bright,
                    bold: strong,
                    title: strong.fg(Color::Yellow),
                    selected: marked,
                    chosen: marked,
                    bar: strong.fg(Color::Black).bg(Color::White),
                    error: strong.fg(Color::White).bg(Color::Red),
                    warning: strong.fg(Color::Yellow),
                    ok: strong,
                }
            }
        }
    }
}
