//! The regional agenda on screen: the values of the agenda part of the
//! walkthrough (level, dates, status), and the agenda screen: every action of
//! the scan in one list, sortable, overdue ones marked in words, and the
//! points of attention that have no action yet.

use super::rows::Rows;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use super::style::Styles;
use crate::model::agenda::{agenda_items, attention_without_action};
use crate::model::{ActionStatus, CriterionAnswer, Framework};
use crate::tui::app::{AgendaPart, App, WalkMode, Walkthrough};

/// The label left of an agenda field.
pub fn agenda_label(part: AgendaPart, app: &App) -> String {
    let words = &app.text.agenda;
    match part {
        AgendaPart::AmbitionLevel => words.label_ambition.to_string(),
        AgendaPart::AmbitionDue | AgendaPart::Due(_) => words.label_by_when.to_string(),
        AgendaPart::AmbitionNeeded => words.label_needed.to_string(),
        AgendaPart::What(index) => (words.label_action)(index + 1),
        AgendaPart::Owner(_) => words.label_owner.to_string(),
        AgendaPart::Status(_) => words.label_status.to_string(),
    }
}

/// The value of a choice field of the agenda: the scale levels with the
/// chosen one in brackets, a date between arrows, or the four statuses.
pub fn agenda_value_line<'a>(
    framework: &'a Framework,
    answer: &CriterionAnswer,
    part: AgendaPart,
    app: &App,
    styles: &Styles,
) -> Line<'a> {
    let words = &app.text.agenda;
    let option = |label: String, chosen: bool| {
        if chosen {
            Span::styled(format!("[{label}]"), styles.chosen)
        } else {
            Span::raw(format!(" {label} "))
        }
    };
    let date_line = |due: Option<jiff::civil::Date>| match due {
        Some(due) => Line::from(vec![
            Span::raw("‹ "),
            Span::styled(format!("[{due}]"), styles.chosen),
            Span::raw(" ›"),
        ]),
        None => Line::from(Span::styled(format!("‹ {} ›", words.no_due), styles.dim)),
    };
    match part {
        AgendaPart::AmbitionLevel => {
            let chosen = answer.ambition.as_ref().and_then(|a| a.level);
            let mut spans: Vec<Span> = framework
                .scale
                .levels
                .iter()
                .map(|level| option(level.value.to_string(), chosen == Some(level.value)))
                .collect();
            let meaning = chosen
                .and_then(|value| framework.scale_level(value))
                .map_or_else(String::new, |level| level.label.clone());
            spans.push(Span::styled(format!(" {meaning}"), styles.bold));
            Line::from(spans)
        }
        AgendaPart::AmbitionDue => date_line(answer.ambition.as_ref().and_then(|a| a.due)),
        AgendaPart::Due(index) => date_line(answer.actions.get(index).and_then(|a| a.due)),
        AgendaPart::Status(index) => {
            let current = answer.actions.get(index).map(|a| a.status);
            let mut spans: Vec<Span> = ActionStatus::ALL
                .iter()
                .map(|status| {
                    option(
                        (words.status)(*status).to_string(),
                        current == Some(*status),
                    )
                })
                .collect();
            if let Some(carried) = answer.actions.get(index).and_then(|a| a.carried_from) {
                spans.push(Span::styled(
                    format!(" {}", (words.carried_from)(carried)),
                    styles.dim,
                ));
            }
            Line::from(spans)
        }
        AgendaPart::AmbitionNeeded | AgendaPart::What(_) | AgendaPart::Owner(_) => Line::default(),
    }
}

/// The day overdue is judged on: the interface's clock, in UTC so that a
/// screen does not depend on the machine's time zone.
fn today(app: &App) -> jiff::civil::Date {
    app.now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
}

/// The agenda screen.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, walk: &Walkthrough, styles: &Styles) {
    let WalkMode::Actions { selected, sort } = walk.mode else {
        return;
    };
    let words = &app.text.agenda;
    let scan = &walk.scan;
    let items = agenda_items(&[scan], sort, today(app));
    let late = items.iter().filter(|item| item.overdue).count();
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", words.actions_title),
        styles.title,
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);

    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "{} · {}",
                (words.summary)(items.len(), late),
                (words.sorted_by)(sort)
            ),
            styles.bold,
        )),
        Line::default(),
    ];
    if items.is_empty() {
        lines.push(Line::from(Span::styled(words.no_actions, styles.dim)));
    }
    // Columns: marker, id, status, due, owner, then what takes the rest.
    let id_width = items
        .iter()
        .map(|item| item.criterion_id.width())
        .max()
        .unwrap_or(0);
    let status_width = ActionStatus::ALL
        .iter()
        .map(|status| (words.status)(*status).width())
        .max()
        .unwrap_or(0);
    let owner_width = (width / 5).clamp(8, 24);
    let overdue_width = words.overdue.width() + 1;
    for (position, item) in items.iter().enumerate() {
        let action = item.action;
        let marker = if position == selected { "▶ " } else { "  " };
        let due = action
            .due
            .map_or_else(|| "–".repeat(10), |due| due.to_string());
        let owner = if action.owner.trim().is_empty() {
            words.no_owner.to_string()
        } else {
            one_line(&action.owner)
        };
        let late_mark = if item.overdue {
            format!("{} ", words.overdue)
        } else {
            " ".repeat(overdue_width)
        };
        let fixed = format!(
            "{marker}{:id_width$}  {:status_width$}  {due}  {late_mark}{}  ",
            item.criterion_id,
            (words.status)(action.status),
            fit(&owner, owner_width),
        );
        let rest = width.saturating_sub(fixed.width());
        let text = format!("{fixed}{}", fit(&one_line(&action.what), rest));
        let style = if position == selected {
            styles.selected
        } else if item.overdue {
            styles.warning
        } else {
            styles.normal
        };
        lines.push(Line::from(Span::styled(text, style)));
    }

    // Points of attention without an action: a vervolgtraject asks for one on each.
    let evaluation = super::evaluated::evaluation(walk);
    let without = attention_without_action(scan, &evaluation);
    if !without.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!("{}:", words.without_action_title),
            styles.bold,
        )));
        for id in without {
            let title = scan
                .framework
                .criterion_index(id)
                .and_then(|index| scan.framework.criterion_at(index))
                .map_or_else(String::new, |entry| entry.criterion.title.clone());
            lines.push(Line::from(format!(
                "  ! {}",
                fit(
                    &format!("{id} {title} — {}", words.without_action),
                    width.saturating_sub(4)
                )
            )));
        }
    }
    // Keep the selected row in view.
    let height = usize::from(inner.height);
    let selected_line = selected + 2;
    let scroll = selected_line.saturating_sub(height.saturating_sub(1));
    let total = lines.len();
    let mut visible: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    // Never let a cut-off list look complete: the last row says how many follow.
    let hidden = total.saturating_sub(scroll + visible.len());
    if hidden > 0
        && let Some(last) = visible.last_mut()
    {
        *last = Line::from(Span::styled((words.more_rows)(hidden + 1), styles.warning));
    }
    frame.render_widget(Rows::new(visible), inner);
}

/// Text on one row: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` in at most `width` columns, padded, with "…" when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return format!("{text}{}", " ".repeat(width - text.width()));
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    let pad = width.saturating_sub(out.width());
    format!("{out}{}", " ".repeat(pad))
}
