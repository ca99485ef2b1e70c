//! The help overlay: every key of the screen underneath, generated from the
//! key table, plus what the marks and the scale mean. It scrolls, so it fits
//! at 80x24 too; `max_scroll` is shared with `update` to stop at the end.

use super::rows::Rows;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::style::Styles;
use super::walkthrough::status_mark;
use super::widgets::{centered, dialog};
use crate::model::CriterionStatus;
use crate::tui::app::{App, Screen, WalkMode};
use crate::tui::keymap;
use crate::tui::text_edit::{self, TextCursor, Viewport};

/// How a help row is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Heading,
    /// A key binding: the keys in bold, the description after them.
    Keys,
}

/// One logical entry: for `Keys`, `first` holds the keys and `text` the description.
struct Entry {
    kind: Kind,
    first: String,
    text: String,
}

fn entry(kind: Kind, text: impl Into<String>) -> Entry {
    Entry {
        kind,
        first: String::new(),
        text: text.into(),
    }
}

fn entries(app: &App) -> Vec<Entry> {
    let text = app.text;
    let walk = match &app.screen {
        Screen::Walkthrough(walk) => Some(walk),
        _ => None,
    };
    let intro = match &app.screen {
        Screen::Start(_) => text.help_start_intro,
        Screen::NewScan(_) => text.help_form_intro,
        Screen::Overview(_) => text.many.help_overview_intro,
        Screen::Walkthrough(walk) if matches!(walk.mode, WalkMode::Summary { .. }) => {
            text.help_summary_intro
        }
        Screen::Walkthrough(walk) if matches!(walk.mode, WalkMode::Projector { .. }) => {
            text.help_projector_intro
        }
        Screen::Walkthrough(_) => text.help_walkthrough_intro,
    };
    let mut entries = vec![entry(Kind::Text, intro), entry(Kind::Text, "")];
    for (keys, help) in keymap::screen_help_rows(app, keymap::screen_context(app), false) {
        entries.push(Entry {
            kind: Kind::Keys,
            first: keys,
            text: (text.help_long)(help).to_string(),
        });
    }
    if let Some(walk) = walk {
        entries.push(entry(Kind::Text, ""));
        entries.push(entry(Kind::Heading, text.help_marks_heading));
        for (status, label) in [
            (CriterionStatus::Open, text.status_open),
            (CriterionStatus::Answered, text.status_answered),
            (CriterionStatus::Consensus, text.status_consensus),
            (CriterionStatus::NoConsensus, text.status_no_consensus),
            (CriterionStatus::Skipped, text.status_skipped),
        ] {
            entries.push(Entry {
                kind: Kind::Keys,
                first: status_mark(status).to_string(),
                text: label.to_string(),
            });
        }
        entries.push(entry(Kind::Text, ""));
        entries.push(entry(Kind::Heading, text.help_scale_heading));
        let scale = &walk.scan.framework.scale;
        for level in &scale.levels {
            entries.push(Entry {
                kind: Kind::Keys,
                first: level.value.to_string(),
                text: format!("{} — {}", level.label, level.meaning),
            });
        }
        for (key, special) in [("o", &scale.unknown), ("x", &scale.not_applicable)] {
            entries.push(Entry {
                kind: Kind::Keys,
                first: key.to_string(),
                text: format!("{} — {}", special.label, special.meaning),
            });
        }
    }
    entries
}

/// The entries wrapped to `width`: one (key column, text, kind) per screen row.
fn rows(app: &App, width: u16) -> Vec<(String, String, Kind)> {
    let entries = entries(app);
    let key_width = entries
        .iter()
        .filter(|e| e.kind == Kind::Keys)
        .map(|e| e.first.chars().count())
        .max()
        .unwrap_or(0)
        + 4;
    let mut rows = Vec::new();
    for entry in entries {
        let (indent, text_width) = match entry.kind {
            Kind::Keys => (key_width, width.saturating_sub(key_width as u16)),
            Kind::Text | Kind::Heading => (0, width),
        };
        let wrapped = text_edit::visible(
            &entry.text,
            &TextCursor::default(),
            Viewport {
                width: text_width.max(1),
                height: u16::MAX,
            },
        );
        for (index, range) in wrapped.rows.iter().enumerate() {
            let first = if index == 0 && entry.kind == Kind::Keys {
                format!("  {:<width$}", entry.first, width = indent - 2)
            } else {
                " ".repeat(indent)
            };
            rows.push((first, entry.text[range.clone()].to_string(), entry.kind));
        }
    }
    rows
}

/// The box and its inside for a screen of this size.
fn boxes(area: Rect) -> (Rect, Rect) {
    let outer = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    let inner = Rect {
        x: outer.x + 1,
        y: outer.y + 1,
        width: outer.width.saturating_sub(2),
        height: outer.height.saturating_sub(2),
    };
    (outer, inner)
}

/// How far the help can scroll on a terminal of this size.
pub fn max_scroll(app: &App, size: (u16, u16)) -> u16 {
    let (_, inner) = boxes(Rect::new(0, 0, size.0, size.1));
    let total = rows(app, inner.width).len();
    u16::try_from(total.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, styles: &Styles) {
    let text = app.text;
    let (outer, inner) = boxes(area);
    let rows = rows(app, inner.width);
    let scroll = scroll.min(max_scroll(app, (area.width, area.height)));
    let more_below = rows.len() > usize::from(scroll) + usize::from(inner.height);
    let footer = if more_below {
        text.help_more_below
    } else {
        text.press_esc_to_close_help
    };
    frame.render_widget(Clear, outer);
    frame.render_widget(
        dialog(text.help_title, styles)
            .title_bottom(Line::from(format!(" {footer} ")).right_aligned()),
        outer,
    );
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(usize::from(scroll))
        .take(usize::from(inner.height))
        .map(|(first, rest, kind)| {
            let style = match kind {
                Kind::Heading => styles.bold,
                Kind::Keys | Kind::Text => Style::default(),
            };
            Line::from(vec![
                Span::styled(first, styles.bold),
                Span::styled(rest, style),
            ])
        })
        .collect();
    frame.render_widget(Rows::new(lines), inner);
}
