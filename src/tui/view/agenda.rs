//! The agenda overlay: time planned against time used, one row per theme
//! with the current theme opened up to its criteria, then the totals. Fits
//! 80x24 for the bundled framework; longer agendas scroll to keep the
//! current criterion in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::style::Styles;
use super::widgets::{centered, dialog};
use crate::model::timebox::minutes_seconds;
use crate::tui::app::{App, Walkthrough};

/// Width of the planned and used columns.
const COLUMN: usize = 9;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, walk: &Walkthrough, styles: &Styles) {
    let text = app.text;
    let width = area.width.saturating_sub(4).min(72);
    let name_width = usize::from(width.saturating_sub(2)).saturating_sub(2 * COLUMN);
    let row = |name: String, planned: u32, used: u32, style: Style| {
        let over = used > planned;
        let used_text = format!(
            "{}{}",
            minutes_seconds(i64::from(used)),
            if over { "+" } else { " " }
        );
        Line::from(vec![
            Span::styled(
                format!("{:<name_width$}", super::fit(&name, name_width)),
                style,
            ),
            Span::styled(
                format!("{:>COLUMN$}", minutes_seconds(i64::from(planned))),
                style,
            ),
            Span::styled(
                format!("{used_text:>COLUMN$}"),
                if over { styles.warning } else { style },
            ),
        ])
    };
    let framework = &walk.scan.framework;
    let current_theme = framework
        .criterion_at(walk.current)
        .map(|entry| entry.theme.id.clone());
    let mut lines = vec![Line::styled(
        format!(
            "{:<name_width$}{:>COLUMN$}{:>COLUMN$}",
            "", text.agenda_planned, text.agenda_used
        ),
        styles.dim,
    )];
    let mut current_row = 0;
    let mut start = 0;
    for theme in &framework.themes {
        let range = start..start + theme.criteria.len();
        start = range.end;
        let planned = walk.plan.sum(range.clone());
        let used: u32 = walk.used.per_criterion[range.clone()].iter().sum();
        let is_current = current_theme.as_deref() == Some(theme.id.as_str());
        let style = if is_current {
            styles.bold
        } else {
            styles.normal
        };
        lines.push(row(
            format!("{} {}", theme.id, theme.title),
            planned,
            used,
            style,
        ));
        if !is_current {
            continue;
        }
        for (index, criterion) in range.zip(&theme.criteria) {
            let here = index == walk.current;
            if here {
                current_row = lines.len();
            }
            lines.push(row(
                format!(
                    "{}{} {}",
                    if here { " ▶ " } else { "   " },
                    criterion.id,
                    criterion.title
                ),
                walk.plan.per_criterion[index],
                walk.used.per_criterion[index],
                if here { styles.selected } else { styles.normal },
            ));
        }
    }
    lines.push(Line::styled(
        "─".repeat(usize::from(width.saturating_sub(2))),
        styles.dim,
    ));
    let all = walk.plan.per_criterion.len();
    lines.push(row(
        text.agenda_total.to_string(),
        walk.plan.sum(0..all),
        walk.used.per_criterion.iter().sum(),
        styles.bold,
    ));
    lines.push(row(
        text.agenda_session.to_string(),
        walk.plan.session,
        walk.used.session,
        styles.bold,
    ));
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let box_area = centered(area, width, height);
    let visible = usize::from(height.saturating_sub(2));
    let offset = current_row
        .saturating_sub(visible / 2)
        .min(lines.len().saturating_sub(visible));
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((offset as u16, 0))
            .block(dialog(text.agenda_title, styles)),
        box_area,
    );
}
