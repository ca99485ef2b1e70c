//! The Markdown report: plain text that reads well as it is (to paste into a
//! mail) and renders well (to paste into a Word document or a wiki). Same
//! order as the HTML report: the verdict and why, the points of attention
//! most severe first, then the theme scores with the weighting rule, the
//! participants and every criterion in detail.

use std::fmt::Write as _;

use super::{Report, Row, clean, criterion_name, theme_name};

pub(super) fn render(report: &Report) -> String {
    let mut out = String::new();
    let words = report.words();
    let meta = &report.scan.meta;

    line(
        &mut out,
        &format!("# {}", one_line(&(words.title)(&meta.region))),
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

    verdict(&mut out, report);
    attention(&mut out, report);
    themes(&mut out, report);
    participants(&mut out, report);
    criteria(&mut out, report);
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
            report.score_number(report.evaluation.total_exact.as_ref())
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
    let weighting = report.weighting();
    line(out, &format!("## {}", words.weighting_heading));
    blank(out);
    let mut header = format!("| {} |", words.theme);
    let mut rule = String::from("|---|");
    for perspective in perspectives {
        let _ = write!(header, " {} |", cell(&perspective.label));
        rule.push_str("---:|");
    }
    let _ = write!(
        header,
        " {} | {} | {} |",
        words.joint, words.weight, words.weighted_score
    );
    rule.push_str("---:|---:|---:|");
    line(out, &header);
    line(out, &rule);
    for (result, weighted) in report.evaluation.themes.iter().zip(&weighting.themes) {
        let mut name = weighted.name.clone();
        if weighted.core {
            let _ = write!(name, " ({})", words.core_theme);
        }
        let mut row = format!("| {} |", cell(&name));
        for mean in &result.perspective_means {
            let _ = write!(row, " {} |", report.number(mean.mean));
        }
        let _ = write!(
            row,
            " {} | {} | {} |",
            weighted.score, weighted.weight, weighted.weighted
        );
        line(out, &row);
    }
    let mut total = format!("| **{}** |", words.total);
    for _ in perspectives {
        total.push_str(" |");
    }
    let _ = write!(
        total,
        " **{}** | | |",
        report.score_number(report.evaluation.total_exact.as_ref())
    );
    line(out, &total);
    blank(out);
    if let Some(sum) = &weighting.total_sum {
        line(out, &format!("**{}**", escape(sum)));
        blank(out);
    }
    for rule in [
        words.weighting_explained,
        &weighting.follow_up,
        &weighting.robust,
        words.otherwise_rule,
    ] {
        line(out, &escape(rule));
        blank(out);
    }
}

fn criteria(out: &mut String, report: &Report) {
    let words = report.words();
    line(out, &format!("## {}", words.details_heading));
    blank(out);
    for (theme_index, theme) in report.framework.themes.iter().enumerate() {
        line(out, &format!("### {}", one_line(&theme_name(theme))));
        blank(out);
        for row in report.theme_rows(theme_index) {
            criterion(out, report, &row);
        }
    }
}

fn criterion(out: &mut String, report: &Report, row: &Row) {
    let words = report.words();
    let mut heading = format!("#### {}", one_line(&criterion_name(row)));
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
    let mut text = format!("- **{}:**", one_line(label));
    if !value.is_empty() {
        let _ = write!(text, " {}", one_line(value));
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

/// A criterion's action as text (not yet escaped), if it has one: the one
/// place the Markdown report reads an action.
fn action(report: &Report, row: &Row) -> Option<String> {
    let lines = report.agenda_lines(row);
    (!lines.is_empty()).then(|| clean(&lines.join("\n")))
}

/// The points of attention, most severe first, each with the note that
/// explains it and its action; then the actions of the other criteria.
fn attention(out: &mut String, report: &Report) {
    let words = report.words();
    line(out, &format!("## {}", words.attention_by_severity));
    blank(out);
    let points = report.attention_by_severity();
    if points.is_empty() {
        line(out, words.no_attention);
        blank(out);
    } else {
        line(out, &format!("*{}*", escape(words.attention_order)));
        blank(out);
    }
    for (number, point) in points.iter().enumerate() {
        let marker = format!("{}. ", number + 1);
        // Continuation lines indented to the marker's width stay in the item.
        let pad = " ".repeat(marker.len());
        let mut text = format!("{marker}**{}**", one_line(&point.text));
        if let Some(row) = &point.row {
            if row.entry.criterion.critical {
                let _ = write!(text, " · {}", report.text.critical);
            }
            for (label, note) in report.explanation(row) {
                let _ = write!(
                    text,
                    "\n\n{pad}*{}:* {}",
                    escape(&label),
                    indent_by(&escape(&note), &pad)
                );
            }
            for (label, item) in report.agenda_items(row) {
                let _ = write!(
                    text,
                    "\n\n{pad}*{}:* {}",
                    label,
                    indent_by(&escape(&clean(&item)), &pad)
                );
            }
        }
        line(out, &text);
        blank(out);
    }
    let others = report.other_actions();
    if !others.is_empty() {
        line(out, &format!("### {}", words.other_actions));
        blank(out);
        for row in others {
            if let Some(action) = action(report, &row) {
                line(
                    out,
                    &format!(
                        "- **{}:** {}",
                        one_line(&criterion_name(&row)),
                        indent(&escape(&action))
                    ),
                );
            }
        }
        blank(out);
    }
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
        let mut text = format!("- {}", one_line(&criterion_name(&row)));
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

/// Continuation lines of a numbered list item, indented by `prefix` (with a
/// line break before each, so a note's lines stay lines).
fn indent_by(text: &str, prefix: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{prefix}{line}")
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

/// A one-line text (a region, title or label) as Markdown that stays one
/// line: a line break or carriage return from a file can never end a heading
/// early or return the cursor on a terminal, and control characters are
/// shown as markers.
fn one_line(text: &str) -> String {
    escape(&clean(text).replace('\n', " "))
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
    fn one_line_texts_never_break_a_heading() {
        assert_eq!(one_line("Regio\rWest"), "Regio West");
        assert_eq!(one_line("Titel\n# Kop"), "Titel # Kop");
        assert_eq!(one_line("a\u{1b}]0;x\u{7}b"), "a\\\\u{1b}\\]0;x\\\\u{7}b");
        assert!(!one_line("x\r\n\u{2028}y").contains(['\r', '\n']));
    }

    #[test]
    fn cells_stay_on_one_line() {
        assert_eq!(cell("a|b\nc"), "a\\|b<br>c");
    }
}
