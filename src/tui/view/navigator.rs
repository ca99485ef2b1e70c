//! The criteria list left of the walkthrough: how wide it is, which rows
//! are in view, and drawing them (only the rows in view are made).

use std::ops::Range;

use super::boxed::Boxed;
use super::rows::Rows;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Borders;

use super::style::Styles;
use super::walkthrough::status_mark;
use crate::model::{CriterionStatus, Framework};
use crate::tui::app::{App, WalkMode, Walkthrough};

/// The criteria list widens with the screen up to its longest row, while the
/// detail panel keeps room for the scale and the notes.
fn navigator_width(framework: &Framework, body_width: u16) -> u16 {
    const DETAIL_ROOM: u16 = 72;
    let floor = match body_width {
        160.. => 46,
        120.. => 36,
        _ => 24,
    };
    // Measured in pieces (widths add up across the joining spaces) rather
    // than formatted: this runs on every frame, over every criterion.
    let width = unicode_width::UnicodeWidthStr::width;
    let longest = framework
        .themes
        .iter()
        .filter(|theme| !theme.criteria.is_empty())
        .flat_map(|theme| {
            let heading = width(theme.id.as_str()) + 1 + width(theme.title.as_str());
            let rows = theme.criteria.iter().map(|criterion| {
                width("▶· ") + width(criterion.id.as_str()) + 1 + width(criterion.title.as_str())
            });
            std::iter::once(heading).chain(rows)
        })
        .max()
        .unwrap_or(0);
    // One column for the border on the right.
    let wanted = u16::try_from(longest + 1).unwrap_or(u16::MAX);
    let room = body_width.saturating_sub(DETAIL_ROOM);
    floor.max(wanted.min(room)).min(body_width)
}

thread_local! {
    /// The list's width last worked out: for which opened scan (whose
    /// framework no edit changes) and body width.
    static KEPT_WIDTH: std::cell::Cell<Option<((u64, u16), u16)>> = const { std::cell::Cell::new(None) };
}

/// [`navigator_width`], kept while the scan stays open and the screen keeps
/// its width: it measures every criterion, and a frame needs it once.
pub(super) fn kept_navigator_width(walk: &Walkthrough, body_width: u16) -> u16 {
    let key = (walk.version.key().0, body_width);
    KEPT_WIDTH.with(|kept| match kept.get() {
        Some((made_for, width)) if made_for == key => width,
        _ => {
            let width = navigator_width(&walk.scan.framework, body_width);
            kept.set(Some((key, width)));
            width
        }
    })
}

pub(super) fn draw_navigator(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    walk: &Walkthrough,
    styles: &Styles,
) {
    let (selected, navigating) = match walk.mode {
        WalkMode::Navigator { selected } => (selected, true),
        _ => (walk.current, false),
    };
    let title = match (navigating, walk.goto_query.is_empty()) {
        (false, _) => app.text.navigator_title.to_string(),
        (true, true) => app.text.navigator_title_active.to_string(),
        (true, false) => format!("{}{}▏", app.text.goto_prompt, walk.goto_query),
    };
    let block = Boxed::with_borders(Borders::RIGHT).title(Span::styled(
        title,
        if navigating {
            styles.selected
        } else {
            styles.title
        },
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let mut lines: Vec<Line> = Vec::new();
    let offset = navigator_offset(walk, inner.width, inner.height);
    let window = offset..offset + usize::from(inner.height);
    for row in navigator_rows(walk, inner.width, window).rows {
        let style = match row.criterion {
            None => styles.bold,
            Some(index) if index == selected && navigating => styles.selected,
            Some(index) if index == walk.current => styles.bold,
            Some(_) => styles.normal,
        };
        lines.push(Line::styled(row.text, style));
    }
    frame.render_widget(Rows::new(lines).kept(), inner);
}

/// One row of the criteria list.
pub(super) struct NavigatorRow {
    /// `None` for a theme heading, else the criterion.
    pub(super) criterion: Option<usize>,
    text: String,
}

/// The rows of the criteria list in a window, and the list's shape.
pub(super) struct NavigatorRows {
    /// The rows whose number (from the top of the whole list) is in the window.
    pub(super) rows: Vec<NavigatorRow>,
    /// How many rows the whole list has.
    total: usize,
    /// The first row of the expanded (selected or current) criterion.
    expanded_row: Option<usize>,
}

/// The criteria list as rows. The current criterion's title wraps over as
/// many rows as it needs, so it is always readable in full; the others are
/// shortened to a row, at a whole word. Only the rows numbered in `window`
/// are made (a framework of 20,000 criteria shows forty of them), the
/// others are only counted.
pub(super) fn navigator_rows(
    walk: &Walkthrough,
    width: u16,
    window: Range<usize>,
) -> NavigatorRows {
    let framework = &walk.scan.framework;
    let width = usize::from(width);
    // In the "go to" list the selected criterion shows in full, else the current.
    let expanded = match walk.mode {
        WalkMode::Navigator { selected } => selected,
        _ => walk.current,
    };
    let mut list = NavigatorRows {
        rows: Vec::new(),
        total: 0,
        expanded_row: None,
    };
    let mut index = 0;
    for theme in &framework.themes {
        if theme.criteria.is_empty() {
            continue;
        }
        if window.contains(&list.total) {
            list.rows.push(NavigatorRow {
                criterion: None,
                text: super::wrap::fit_row([&theme.id, " ", &theme.title].concat(), width),
            });
        }
        list.total += 1;
        for criterion in &theme.criteria {
            let at = index;
            index += 1;
            if at != expanded && !window.contains(&list.total) {
                list.total += 1;
                continue;
            }
            let status = walk
                .scan
                .answers
                .get(at)
                .map_or(CriterionStatus::Open, |answer| answer.status());
            let pointer = if at == walk.current { "▶" } else { " " };
            let text = [
                pointer,
                status_mark(status),
                " ",
                &criterion.id,
                " ",
                &criterion.title,
            ]
            .concat();
            if at != expanded {
                list.rows.push(NavigatorRow {
                    criterion: Some(at),
                    text: super::wrap::fit_row(text, width),
                });
                list.total += 1;
                continue;
            }
            list.expanded_row = Some(list.total);
            for text in expanded_rows(&text, width) {
                if window.contains(&list.total) {
                    list.rows.push(NavigatorRow {
                        criterion: Some(at),
                        text,
                    });
                }
                list.total += 1;
            }
        }
    }
    list
}

/// The expanded criterion's row text wrapped: continuation rows line up
/// under the id.
pub(super) fn expanded_rows(text: &str, width: usize) -> Vec<String> {
    let indent = "   ";
    let wrapped = super::wrap::wrap_words(text, width);
    let mut rows = Vec::new();
    let mut rest = String::new();
    for (number, part) in wrapped.iter().enumerate() {
        if number == 0 {
            rows.push(part.clone());
        } else {
            if !rest.is_empty() {
                rest.push(' ');
            }
            rest.push_str(part);
        }
    }
    if !rest.is_empty() {
        for part in super::wrap::wrap_words(&rest, width.saturating_sub(indent.len())) {
            rows.push(format!("{indent}{part}"));
        }
    }
    rows
}

/// How far the list is scrolled: the selected row stays in view, roughly in
/// the middle.
pub(super) fn navigator_offset(walk: &Walkthrough, width: u16, height: u16) -> usize {
    let list = navigator_rows(walk, width, 0..0);
    let selected_row = list.expanded_row.unwrap_or(0);
    let height = usize::from(height);
    selected_row
        .saturating_sub(height / 2)
        .min(list.total.saturating_sub(height))
}
