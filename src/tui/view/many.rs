//! Small pieces of the many-scans work drawn on the walkthrough: the title
//! of a homework scan, and last time (an earlier scan of the region) as a
//! badge beside the criterion's title and as an overlay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::style::Styles;
use super::widgets::{centered, dialog};
use crate::i18n::Catalogue;
use crate::model::Answer;
use crate::model::compare::{Change, last_time};
use crate::model::conflict::score_spread;
use crate::tui::app::{AgendaPart, App, Field, Side, Walkthrough};

/// Beside the criterion's title: last time's score that counted and which
/// way it moved ("vorige 2 ↑"), when an earlier scan is open beside this one.
pub fn previous_badge(walk: &Walkthrough, text: &Catalogue) -> Option<String> {
    let previous = walk.previous.as_ref()?;
    let entry = walk.scan.framework.criterion_at(walk.current)?;
    let last = last_time(&previous.scan, &walk.scan, &entry.criterion.id)?;
    let score = last
        .then
        .map_or_else(|| text.report.no_score.to_string(), |s| s.to_string());
    let arrow = match last.change() {
        Some(Change::Up) => " ↑",
        Some(Change::Down) => " ↓",
        Some(Change::Same) => " =",
        None => "",
    };
    Some((text.many.previous_badge)(&format!("{score}{arrow}")))
}

/// The last-time overlay: what the earlier scan recorded on this criterion.
pub fn draw_previous(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    walk: &Walkthrough,
    styles: &Styles,
) {
    let text = app.text;
    let words = &text.report;
    let Some(previous) = walk.previous.as_ref() else {
        return;
    };
    let Some(entry) = walk.scan.framework.criterion_at(walk.current) else {
        return;
    };
    let title = (text.many.last_time_title)(&previous.scan.meta.date.to_string());
    let mut lines = vec![Line::styled(
        format!("{} · {}", entry.criterion.id, entry.criterion.title),
        styles.bold,
    )];
    match last_time(&previous.scan, &walk.scan, &entry.criterion.id) {
        None => lines.push(Line::from(text.many.last_time_missing)),
        Some(last) => {
            let framework = &previous.scan.framework;
            let answer = last.consensus.map_or_else(
                || words.no_score.to_string(),
                |answer| match answer {
                    Answer::Score(value) => framework
                        .scale_level(value)
                        .map_or_else(|| value.to_string(), |l| format!("{value} – {}", l.label)),
                    Answer::Unknown => framework.scale.unknown.label.clone(),
                    Answer::NotApplicable => framework.scale.not_applicable.label.clone(),
                },
            );
            let agreement = last
                .agreement
                .map_or_else(String::new, |a| framework.agreement_label(a).to_string());
            let change = last
                .change()
                .map_or_else(String::new, |c| (text.many.change_word)(c).to_string());
            let row = |label: &str, value: String| {
                Line::from(vec![
                    Span::styled(format!("{label}: "), styles.dim),
                    Span::raw(value),
                ])
            };
            lines.push(row(words.consensus, answer));
            lines.push(row(words.agreement, agreement));
            lines.push(row(text.many.last_time_change, change));
            lines.push(row(words.consensus_note, last.note.clone()));
            let agenda = &text.agenda;
            if last.actions.is_empty() {
                lines.push(row(agenda.action, String::new()));
            }
            for action in &last.actions {
                let owner = if action.owner.trim().is_empty() {
                    agenda.no_owner.to_string()
                } else {
                    action.owner.clone()
                };
                let due = action
                    .due
                    .map_or_else(|| agenda.no_due.to_string(), |due| due.to_string());
                let mut line = format!(
                    "{} — {owner} · {due} · {}",
                    action.what.trim(),
                    (agenda.status)(action.status)
                );
                if action.private {
                    line = format!("{line} {}", text.private_mark);
                }
                lines.push(row(agenda.action, line));
            }
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(text.many.last_time_help, styles.dim));
    let box_area = centered(
        area,
        area.width.saturating_sub(6),
        area.height.saturating_sub(4),
    );
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(dialog(&title, styles)),
        box_area,
    );
}

/// The conflict path of a walkthrough field ("consensus", "gemeenten.note", ...).
fn field_path(walk: &Walkthrough, field: Field) -> Option<String> {
    let perspective = |index: usize| {
        walk.scan
            .framework
            .perspectives
            .get(index)
            .map(|p| p.id.clone())
    };
    Some(match field {
        Field::Score(Side::Consensus) => "consensus".into(),
        Field::Agreement => "agreement".into(),
        Field::Note(Side::Consensus) => "consensus_note".into(),
        Field::Agenda(AgendaPart::AmbitionLevel) => "ambition.level".into(),
        Field::Agenda(AgendaPart::AmbitionDue) => "ambition.due".into(),
        Field::Agenda(AgendaPart::AmbitionNeeded) => "ambition.needed".into(),
        // Actions are never in conflict: a merge keeps every distinct one.
        Field::Agenda(_) => return None,
        Field::Score(Side::Perspective(index)) => format!("{}.score", perspective(index)?),
        Field::Note(Side::Perspective(index)) => format!("{}.note", perspective(index)?),
    })
}

/// Beside a field that a merge left undecided: that it is a conflict, with
/// for a side's score the spread over the files ("2–4, 3 bestanden"), and
/// the key that shows the values.
pub fn conflict_mark(
    walk: &Walkthrough,
    field: Field,
    text: &Catalogue,
    styles: &Styles,
) -> Option<Span<'static>> {
    let path = field_path(walk, field)?;
    let answer = walk.scan.answers.get(walk.current)?;
    let conflict = answer.conflicts.iter().find(|c| c.field == path)?;
    let spread = path
        .strip_suffix(".score")
        .and_then(|perspective| score_spread(answer, perspective));
    Some(Span::styled(
        format!(
            " {}",
            (text.many.conflict_mark)(conflict.options.len(), spread)
        ),
        styles.warning,
    ))
}
