//! The Markdown report: plain text that reads well as it is (to paste into a
//! mail) and renders well (to paste into a Word document or a wiki).

use std::fmt::Write as _;

use super::{Report, Row, clean, criterion_name, theme_name};

pub(super) fn render(report: &Report) -> String {
    let mut out = String::new();
    let words = report.words();
    let meta = &report.scan.meta;

    line(
        &mut out,
        &format!("# {}", escape(&(words.title)(&meta.region))),
    );
    blank(&mut out);
    if let Some(notice) = report.incomplete_notice() {
        line(&mut out, &format!("> **{}**", escape(&notice)));
        blank(&mut out);
    }

    line(&mut out, "| | |");
    line(&mut out, "|---|---|");
    for (label, value) in [
        (words.region, meta.region.clone()),
        (words.date, report.date_line()),
        (words.facilitator, meta.facilitator.clone()),
        (words.note_taker, meta.note_taker.clone()),
        (words.framework, report.framework_line()),
    ] {
        line(&mut out, &format!("| {label} | {} |", cell(&value)));
    }
    blank(&mut out);

    participants(&mut out, report);
    verdict(&mut out, report);
    themes(&mut out, report);
    criteria(&mut out, report);
    attention_and_actions(&mut out, report);
    unanswered(&mut out, report);

    line(&mut out, "---");
    blank(&mut out);
    line(&mut out, &format!("*{}*", escape(&report.made_with())));
    out
}

fn participants(out: &mut String, report: &Report) {
    let words = report.words();
    line(out, &format!("## {}", words.participants));
    blank(out);
    let participants = &report.scan.meta.participants;
    if participants.is_empty() {
        line(out, words.no_participants);
    } else {
        line(
            out,
            &format!(
                "| {} | {} | {} |",
                words.name, words.organisation, words.perspective
            ),
        );
        line(out, "|---|---|---|");
        for participant in participants {
            let perspective = match report.perspective_label(&participant.perspective) {
                "" => participant.perspective.as_str(),
                label => label,
            };
            line(
                out,
                &format!(
                    "| {} | {} | {} |",
                    cell(&participant.name),
                    cell(&participant.organisation),
                    cell(perspective)
                ),
            );
        }
    }
    blank(out);
}

fn verdict(out: &mut String, report: &Report) {
    let words = report.words();
    let summary = report.verdict_summary();
    line(out, &format!("## {}", words.verdict));
    blank(out);
    line(
        out,
        &format!(
            "**{}: {}**",
            words.verdict,
            escape(&report.verdict_headline())
        ),
    );
    blank(out);
    if let Some(computed) = summary.computed_if_overridden {
        line(
            out,
            &format!(
                "{}: {}",
                words.computed_verdict,
                (report.text.verdict)(computed)
            ),
        );
        blank(out);
    }
    line(
        out,
        &format!(
            "{}: {}",
            words.total,
            report.number(report.evaluation.total)
        ),
    );
    blank(out);
    if let Some(text) = report.override_text() {
        let text = escape(&clean(&text));
        if report.override_ignored() {
            line(
                out,
                &format!("> **{}:** {}", words.override_heading, quoted(&text)),
            );
        } else {
            line(out, &format!("**{}:** {}", words.override_heading, text));
        }
        blank(out);
    }
    line(out, &format!("{}:", words.reasons));
    blank(out);
    for reason in report.reasons() {
        line(out, &format!("- {}", escape(&reason)));
    }
    blank(out);
}

fn themes(out: &mut String, report: &Report) {
    let words = report.words();
    let perspectives = &report.framework.perspectives;
    line(out, &format!("## {}", words.theme_scores));
    blank(out);
    let mut header = format!("| {} |", words.theme);
    let mut rule = String::from("|---|");
    for perspective in perspectives {
        let _ = write!(header, " {} |", cell(&perspective.label));
        rule.push_str("---:|");
    }
    let _ = write!(header, " {} |", words.joint);
    rule.push_str("---:|");
    line(out, &header);
    line(out, &rule);
    for (theme, result) in report
        .framework
        .themes
        .iter()
        .zip(&report.evaluation.themes)
    {
        let mut name = theme_name(theme);
        if result.core {
            let _ = write!(name, " ({})", words.core_theme);
        }
        let mut row = format!("| {} |", cell(&name));
        for mean in &result.perspective_means {
            let _ = write!(row, " {} |", report.number(mean.mean));
        }
        let _ = write!(row, " {} |", report.number(result.score));
        line(out, &row);
    }
    let mut total = format!("| **{}** |", words.total);
    for _ in perspectives {
        total.push_str(" |");
    }
    let _ = write!(total, " **{}** |", report.number(report.evaluation.total));
    line(out, &total);
    blank(out);
}

fn criteria(out: &mut String, report: &Report) {
    let words = report.words();
    line(out, &format!("## {}", words.criteria));
    blank(out);
    for (theme_index, theme) in report.framework.themes.iter().enumerate() {
        line(out, &format!("### {}", escape(&theme_name(theme))));
        blank(out);
        for row in report.theme_rows(theme_index) {
            criterion(out, report, &row);
        }
    }
}

fn criterion(out: &mut String, report: &Report, row: &Row) {
    let words = report.words();
    let mut heading = format!("#### {}", escape(&criterion_name(row)));
    for mark in report.marks(row) {
        let _ = write!(heading, " · {mark}");
    }
    line(out, &heading);
    blank(out);
    item(out, words.consensus, &report.consensus_answer(row), "");
    item(out, words.agreement, &report.agreement_label(row), "");
    item(out, words.counting_score, &report.counting_score(row), "");
    for (index, perspective) in report.framework.perspectives.iter().enumerate() {
        item(
            out,
            &perspective.label,
            &report.perspective_answer(row, index),
            report.perspective_note(row, index),
        );
    }
    if !row.answer.consensus_note.trim().is_empty() {
        item(out, words.consensus_note, "", &row.answer.consensus_note);
    }
    if let Some(ambition) = &row.answer.ambition {
        let line = super::agenda::ambition_line(report.text, report.framework, ambition);
        item(out, report.text.agenda.ambition, "", &line);
    }
    for action in &row.answer.actions {
        let line = super::agenda::action_line(report.text, action);
        item(out, words.action, "", &line);
    }
    blank(out);
}

/// `- **Label:** value`, with a note on the lines below, indented so it stays
/// inside the list item.
fn item(out: &mut String, label: &str, value: &str, note: &str) {
    let mut text = format!("- **{}:**", escape(label));
    if !value.is_empty() {
        let _ = write!(text, " {}", escape(value));
    }
    let note = clean(note);
    if !note.is_empty() {
        let note = escape(&note);
        if value.is_empty() {
            let _ = write!(text, " {}", indent(&note));
        } else {
            let _ = write!(text, "\n  {}", indent(&note));
        }
    }
    line(out, &text);
}

fn attention_and_actions(out: &mut String, report: &Report) {
    let words = report.words();
    line(out, &format!("## {}", words.attention_and_actions));
    blank(out);
    line(out, &format!("### {}", words.attention_points));
    blank(out);
    let points = report.attention_points();
    if points.is_empty() {
        line(out, words.no_attention);
    }
    for point in points {
        line(out, &format!("- {}", escape(&clean(&point))));
    }
    blank(out);
    line(out, &format!("### {}", words.actions));
    blank(out);
    let actions = report.actions();
    if actions.is_empty() {
        line(out, words.no_actions);
    }
    for row in actions {
        line(out, &format!("- **{}:**", escape(&criterion_name(&row))));
        for agenda_line in report.agenda_lines(&row) {
            line(
                out,
                &format!("  - {}", indent(&indent(&escape(&clean(&agenda_line))))),
            );
        }
    }
    blank(out);
    let without = report.attention_without_action();
    if !without.is_empty() {
        line(
            out,
            &format!("### {}", report.text.agenda.without_action_title),
        );
        blank(out);
        for name in without {
            line(out, &format!("- {}", escape(&name)));
        }
        blank(out);
    }
    if let Some(progress) = report.agenda_progress() {
        line(out, &format!("### {}", report.text.agenda.progress_title));
        blank(out);
        line(out, &escape(&progress));
        blank(out);
    }
}

fn unanswered(out: &mut String, report: &Report) {
    let words = report.words();
    line(out, &format!("## {}", words.unanswered));
    blank(out);
    let open = report.unanswered();
    if open.is_empty() {
        line(out, words.nothing_unanswered);
    }
    for row in open {
        let mut text = format!("- {}", escape(&criterion_name(&row)));
        if row.answer.skipped {
            let _ = write!(text, " ({})", report.text.status_skipped);
        }
        line(out, &text);
    }
    blank(out);
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

fn blank(out: &mut String) {
    out.push('\n');
}

/// Continuation lines of a list item, indented by two spaces (empty lines
/// stay empty, so no line ends in blanks).
fn indent(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("  {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim_start()
        .to_string()
}

/// Continuation lines of a block quote.
fn quoted(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                ">".to_string()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim_start_matches("> ")
        .to_string()
}

/// A table cell: one line, with `|` escaped.
fn cell(text: &str) -> String {
    escape(&clean(text)).replace('\n', "<br>")
}

/// Text from a scan as Markdown that shows exactly that text: characters that
/// would format are escaped, and so is anything at the start of a line that
/// would begin a heading, quote or list.
pub(super) fn escape(text: &str) -> String {
    text.split('\n')
        .map(escape_line)
        .collect::<Vec<_>>()
        .join("\n")
}

fn escape_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    // The one character that would turn the line into a heading, list or rule.
    let marker_at = if trimmed.starts_with(['#', '-', '+', '=']) {
        Some(0)
    } else if digits > 0 && trimmed[digits..].starts_with(['.', ')']) {
        Some(digits)
    } else {
        None
    };
    let mut out = String::with_capacity(line.len() + 8);
    out.push_str(&line[..lead]);
    for (index, c) in trimmed.char_indices() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
        ) || marker_at == Some(index)
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_formatting() {
        assert_eq!(
            escape("a *b* _c_ [d](e) <f>"),
            "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\>"
        );
        assert_eq!(
            escape("# kop\n- lijst\n12. punt"),
            "\\# kop\n\\- lijst\n12\\. punt"
        );
        assert_eq!(escape("Gemeente's 3,5 - ok"), "Gemeente's 3,5 - ok");
        assert_eq!(escape("2026"), "2026");
    }

    #[test]
    fn cells_stay_on_one_line() {
        assert_eq!(cell("a|b\nc"), "a\\|b<br>c");
    }
}
