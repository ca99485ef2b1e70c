//! Pieces shared by the screens: the top and bottom bars, dialogs, and the
//! message shown when the terminal is too small.

use super::rows::Rows;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::style::Styles;
use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::app::{App, Screen, TextInput};
use crate::tui::keymap;
use crate::tui::text_edit;

/// A box of at most `width` x `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// A bordered dialog box, cleared, with a title.
pub fn dialog<'a>(title: &'a str, styles: &Styles) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Double)
        .title(Span::styled(format!(" {title} "), styles.title))
}

pub fn too_small(frame: &mut Frame, area: Rect, app: &App, styles: &Styles) {
    let text = (app.text.too_small)(area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
    let paragraph = Paragraph::new(text)
        .style(styles.bold)
        .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}

pub fn top_bar(frame: &mut Frame, area: Rect, app: &App, styles: &Styles) {
    let text = app.text;
    let (left, right) = match &app.screen {
        Screen::Start(_) => (
            format!(" {} · {}", text.app_name, text.tagline),
            String::new(),
        ),
        Screen::Overview(screen) => (
            format!(
                " {} · {}",
                text.app_name,
                (text.many.overview_title)(screen.overview.scan_count())
            ),
            String::new(),
        ),
        Screen::NewScan(_) => (
            format!(" {} · {}", text.app_name, text.new_scan_title),
            String::new(),
        ),
        Screen::Walkthrough(walk) => {
            return super::top_bar::draw(frame, area, app, walk, styles);
        }
    };
    frame.render_widget(Rows::new("").style(styles.bar), area);
    let right = super::fit(&right, usize::from(area.width) * 2 / 3);
    let right_width = unicode_width::UnicodeWidthStr::width(right.as_str()) as u16;
    let left = super::fit(
        &left,
        usize::from(area.width.saturating_sub(right_width + 1)),
    );
    let left_area = Rect {
        width: area.width.saturating_sub(right_width + 1),
        ..area
    };
    frame.render_widget(Rows::new(left).style(styles.bar), left_area);
    let right_area = Rect {
        x: area.right().saturating_sub(right_width),
        width: right_width.min(area.width),
        ..area
    };
    frame.render_widget(
        Rows::new(right).style(styles.bar.add_modifier(ratatui::style::Modifier::BOLD)),
        right_area,
    );
}

/// A problem that is still in force, over the last row of the body (a frame
/// border), so it stays in view without hiding the key hints.
pub fn banner(frame: &mut Frame, body: Rect, app: &App, styles: &Styles) {
    if let Some(banner) = &app.banner {
        let row = Rect {
            y: body.bottom().saturating_sub(1),
            height: 1,
            ..body
        };
        frame.render_widget(Rows::new(format!(" ! {banner}")).style(styles.error), row);
    }
}

/// The status message if there is one, else the hints for the current keys.
pub fn bottom_bar(frame: &mut Frame, area: Rect, app: &App, styles: &Styles) {
    if let Some(status) = &app.status {
        let (mark, style) = if status.is_error {
            ("! ", styles.error)
        } else {
            ("", styles.bar)
        };
        frame.render_widget(
            Rows::new(format!(" {mark}{}", status.text)).style(style),
            area,
        );
        return;
    }
    let context = keymap::context(app);
    let hints = super::hints::kept_hints(app, context, usize::from(area.width));
    let mut spans = vec![Span::raw(" ")];
    for (keys, words) in hints.iter() {
        spans.push(Span::styled(
            keys.as_str(),
            styles.bar.add_modifier(ratatui::style::Modifier::BOLD),
        ));
        spans.push(Span::styled(words.as_str(), styles.bar));
    }
    frame.render_widget(Rows::new(Line::from(spans)).style(styles.bar).kept(), area);
}

/// A yes/no/cancel question about unsaved changes.
pub fn confirm(frame: &mut Frame, area: Rect, question: &str, app: &App, styles: &Styles) {
    let text = app.text;
    let lines = vec![
        Line::from(question),
        Line::from(""),
        Line::from(vec![
            Span::styled(format!(" {} ", text.confirm_save_key), styles.chosen),
            Span::raw(format!(" {}   ", text.answer_save)),
            Span::styled(" n ", styles.chosen),
            Span::raw(format!(" {}   ", text.answer_discard)),
            Span::styled(" Esc ", styles.chosen),
            Span::raw(format!(" {}", text.answer_stay)),
        ]),
    ];
    let box_area = centered(area, 70, 7);
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(dialog(text.unsaved_title, styles)),
        box_area,
    );
}

/// A problem report: the title and one line per problem.
pub fn message(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: &[String],
    app: &App,
    styles: &Styles,
) {
    let mut text: Vec<Line> = lines.iter().map(|line| Line::from(line.as_str())).collect();
    text.push(Line::from(""));
    text.push(Line::styled(app.text.press_enter_to_close, styles.dim));
    let height = (text.len() as u16 + 4).min(area.height.saturating_sub(2));
    let box_area = centered(area, area.width.saturating_sub(6), height);
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .block(dialog(title, styles)),
        box_area,
    );
}

/// A prompt for a file path ("open a scan", "save as"); returns where the cursor goes.
pub fn path_prompt(
    frame: &mut Frame,
    area: Rect,
    (title, help): (&str, &str),
    input: &TextInput,
    styles: &Styles,
) -> Option<Position> {
    let box_area = centered(area, area.width.saturating_sub(8), 6);
    frame.render_widget(Clear, box_area);
    let block = dialog(title, styles);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    frame.render_widget(
        Rows::new(help).style(styles.dim),
        Rect { height: 1, ..inner },
    );
    let field = Rect {
        y: inner.y + 2,
        height: 1,
        ..inner
    };
    // The view scrolls a long path without changing the state.
    let mut cursor = input.cursor.clone();
    text_edit::ensure_visible(&input.text, &mut cursor, field.into());
    text_edit::render(
        &input.text,
        &cursor,
        field,
        frame.buffer_mut(),
        styles.selected,
        true,
    )
}

/// The scan is open elsewhere: who has it, and the choices.
pub fn locked(frame: &mut Frame, area: Rect, owner: &str, app: &App, styles: &Styles) {
    let text = app.text;
    let lines = vec![
        Line::from((text.locked_explained)(owner)),
        Line::from(""),
        Line::from(vec![
            Span::styled(" l ", styles.chosen),
            Span::raw(format!(" {}", text.locked_read_only)),
        ]),
        Line::from(vec![
            Span::styled(" k ", styles.chosen),
            Span::raw(format!(" {}", text.locked_copy)),
        ]),
        Line::from(vec![
            Span::styled(" Esc ", styles.chosen),
            Span::raw(format!(" {}", text.answer_stay)),
        ]),
    ];
    let box_area = centered(area, 72, 11);
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(dialog(text.locked_title, styles)),
        box_area,
    );
}

/// The dialog that moves the verdict one level; returns where the cursor goes.
pub fn override_dialog(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    form: &crate::tui::app::OverrideForm,
    styles: &Styles,
) -> Option<Position> {
    use crate::tui::app::OverrideField;
    let text = app.text;
    let box_area = centered(area, 72.min(area.width.saturating_sub(4)), 18);
    frame.render_widget(Clear, box_area);
    let block = dialog(text.override_title, styles);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    frame.render_widget(
        Paragraph::new(text.override_intro)
            .style(styles.dim)
            .wrap(Wrap { trim: true }),
        Rect { height: 3, ..inner },
    );
    let computed = app
        .walkthrough()
        .map(|walk| super::evaluated::evaluation(walk).computed_verdict);
    let mut lines = Vec::new();
    for (index, option) in form.options.iter().enumerate() {
        let label = match (option, computed) {
            (Some(verdict), _) => (text.verdict)(*verdict).to_string(),
            (None, Some(computed)) => (text.override_keep)(computed),
            (None, None) => String::new(),
        };
        let chosen = index == form.choice;
        let focused = form.focus == OverrideField::Choice;
        let (mark, style) = match (chosen, focused) {
            (true, true) => ("▶ ", styles.selected),
            (true, false) => ("● ", styles.bold),
            _ => ("  ", styles.normal),
        };
        lines.push(Line::styled(format!("{mark}{label}"), style));
    }
    let choice_area = Rect {
        y: inner.y + 4,
        height: form.options.len() as u16,
        ..inner
    };
    frame.render_widget(Rows::new(lines), choice_area);
    let label_y = choice_area.bottom() + 1;
    let label_style = if form.focus == OverrideField::Rationale {
        styles.selected
    } else {
        styles.bold
    };
    frame.render_widget(
        Rows::new(text.override_rationale).style(label_style),
        Rect {
            y: label_y,
            height: 1,
            ..inner
        },
    );
    let rationale_area = Rect {
        x: inner.x + 2,
        y: label_y + 1,
        width: inner.width.saturating_sub(2),
        height: inner.bottom().saturating_sub(label_y + 3).max(1),
    };
    let mut cursor = form.rationale.cursor.clone();
    text_edit::ensure_visible(&form.rationale.text, &mut cursor, rationale_area.into());
    let position = text_edit::render(
        &form.rationale.text,
        &cursor,
        rationale_area,
        frame.buffer_mut(),
        styles.normal,
        form.focus == OverrideField::Rationale,
    );
    let button_y = inner.bottom().saturating_sub(1);
    let button_style = if form.focus == OverrideField::Confirm {
        styles.selected
    } else {
        styles.bold
    };
    let mut button = vec![Span::styled(
        format!("[ {} ]", text.override_confirm),
        button_style,
    )];
    if let Some(error) = &form.error {
        button.push(Span::styled(format!("  ! {error}"), styles.warning));
    }
    frame.render_widget(
        Rows::new(Line::from(button)),
        Rect {
            y: button_y,
            height: 1,
            ..inner
        },
    );
    position
}

/// The search box: the query, how many criteria match, and the hits.
pub fn search(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    (query, selected): (&TextInput, usize),
    styles: &Styles,
) -> Option<Position> {
    let text = app.text;
    let hits = app
        .walkthrough()
        .map(|walk| crate::model::search::search(&walk.scan, &query.text))
        .unwrap_or_default();
    let box_area = centered(
        area,
        area.width.saturating_sub(6),
        area.height.saturating_sub(4),
    );
    frame.render_widget(Clear, box_area);
    let block = dialog(text.search_title, styles);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    frame.render_widget(
        Rows::new(text.search_help).style(styles.dim),
        Rect { height: 1, ..inner },
    );
    let field = Rect {
        y: inner.y + 1,
        height: 1,
        ..inner
    };
    let mut cursor = query.cursor.clone();
    text_edit::ensure_visible(&query.text, &mut cursor, field.into());
    let position = text_edit::render(
        &query.text,
        &cursor,
        field,
        frame.buffer_mut(),
        styles.selected,
        true,
    );
    let counted = if query.text.trim().is_empty() {
        String::new()
    } else {
        (text.search_count)(hits.len())
    };
    frame.render_widget(
        Rows::new(counted).style(styles.bold),
        Rect {
            y: inner.y + 3,
            height: 1,
            ..inner
        },
    );
    let list = Rect {
        y: inner.y + 4,
        height: inner.height.saturating_sub(4),
        ..inner
    };
    let framework = app.walkthrough().map(|walk| &walk.scan.framework);
    // Two rows per hit; keep the chosen one in view.
    let per_page = usize::from(list.height / 2).max(1);
    let first = selected.saturating_sub(per_page - 1);
    let mut lines = Vec::new();
    for (index, hit) in hits.iter().enumerate().skip(first).take(per_page) {
        let title = framework
            .and_then(|f| f.criterion_at(hit.index))
            .map_or_else(String::new, |entry| {
                format!("{} {}", entry.criterion.id, entry.criterion.title)
            });
        let (mark, style) = if index == selected {
            ("▶ ", styles.selected)
        } else {
            ("  ", styles.bold)
        };
        lines.push(Line::styled(format!("{mark}{title}"), style));
        lines.push(Line::styled(
            format!("    {}: {}", (text.search_place)(&hit.place), hit.snippet),
            styles.dim,
        ));
    }
    frame.render_widget(Rows::new(lines), list);
    position
}
