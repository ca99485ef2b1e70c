//! The conflicts overlay: one merge conflict of the current criterion at a
//! time, its values side by side with where each came from, and for a
//! side's score the spread over the files (lowest, highest, how many).

use super::rows::Rows;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::style::Styles;
use super::widgets::{centered, dialog};
use crate::i18n::ReportText;
use crate::model::conflict::{FieldValue, score_spread};
use crate::model::{Answer, Framework};
use crate::tui::app::{App, Walkthrough};

/// A field path in words, as the reports name the columns: "Score
/// Gemeenten", "Gezamenlijke notitie", ...
fn field_label(framework: &Framework, field: &str, words: &ReportText) -> String {
    match field {
        "consensus" => words.consensus.to_string(),
        "agreement" => words.agreement.to_string(),
        "consensus_note" => words.consensus_note.to_string(),
        "action" => words.action.to_string(),
        _ => match field.rsplit_once('.') {
            Some((perspective, "score")) => {
                (words.perspective_score)(&framework.perspective_label(perspective))
            }
            Some((perspective, "note")) => {
                (words.perspective_note)(&framework.perspective_label(perspective))
            }
            _ => field.to_string(),
        },
    }
}

fn value_text(framework: &Framework, value: &FieldValue, empty: &str) -> String {
    match value {
        FieldValue::Empty => empty.to_string(),
        FieldValue::Answer(Answer::Score(level)) => match framework.scale_level(*level) {
            Some(found) => format!("{level} – {}", found.label),
            None => level.to_string(),
        },
        FieldValue::Answer(Answer::Unknown) => framework.scale.unknown.label.clone(),
        FieldValue::Answer(Answer::NotApplicable) => framework.scale.not_applicable.label.clone(),
        FieldValue::Agreement(level) => framework.agreement_label(*level).to_string(),
        FieldValue::Text(words) => words.clone(),
        FieldValue::Date(date) => date.to_string(),
        FieldValue::Other(kept) => kept
            .get("value")
            .map_or_else(String::new, ToString::to_string),
    }
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    walk: &Walkthrough,
    (conflict, option): (usize, usize),
    styles: &Styles,
) {
    let many = &app.text.many;
    let framework = &walk.scan.framework;
    let answer = &walk.scan.answers[walk.current];
    let Some(chosen) = answer.conflicts.get(conflict) else {
        return;
    };
    let criterion = framework
        .criterion_at(walk.current)
        .map_or_else(String::new, |entry| entry.criterion.id.clone());
    let title = (many.conflicts_title)(&criterion, conflict + 1, answer.conflicts.len());
    let box_area = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(4),
    );
    frame.render_widget(Clear, box_area);
    let block = dialog(&title, styles);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let [head, body, help] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(2),
    ])
    .areas(inner);
    let mut heading = vec![Line::styled(
        field_label(framework, &chosen.field, &app.text.report),
        styles.bold,
    )];
    if let Some((perspective, "score")) = chosen.field.rsplit_once('.')
        && let Some((low, high, count)) = score_spread(answer, perspective)
    {
        heading.push(Line::from((many.spread)(
            &framework.perspective_label(perspective),
            low,
            high,
            count,
        )));
    }
    frame.render_widget(Rows::new(heading), head);
    let count = chosen.options.len().max(1);
    let columns = Layout::horizontal(vec![Constraint::Ratio(1, count as u32); count]).split(body);
    for (index, (choice, column)) in chosen.options.iter().zip(columns.iter()).enumerate() {
        let style = if index == option {
            styles.selected
        } else {
            styles.normal
        };
        let block = Block::bordered()
            .title(format!(
                " {} ",
                super::fit(&choice.from, usize::from(column.width.saturating_sub(4)))
            ))
            .border_style(style);
        frame.render_widget(
            Paragraph::new(value_text(framework, &choice.value, many.empty_value))
                .style(style)
                .wrap(Wrap { trim: false })
                .block(block),
            *column,
        );
    }
    frame.render_widget(
        Paragraph::new(many.conflicts_help)
            .style(styles.dim)
            .wrap(Wrap { trim: true }),
        help,
    );
}
