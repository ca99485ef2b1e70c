//! The HTML report: one self-contained page (inline CSS, an inline SVG chart,
//! no script, no external assets) that prints to A4 from a browser. The
//! markup is well-formed XML (every element closed, attributes quoted), so
//! strict tools can read it too.
//!
//! It opens with what a reader came for: region, date, the verdict and why,
//! then the points of attention, most severe first, each with the note that
//! explains it and its action. Only then the theme scores with the weighting
//! rule (so the total can be recomputed from the page), the participants and
//! every criterion in detail. Printed, a criterion or a point is never split
//! over two pages and no section forces a page break.

use std::fmt::Write as _;

use super::{Report, Row, clean, criterion_name, theme_name};

const STYLE: &str = r#"
@page { size: A4; margin: 16mm 15mm 18mm 15mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", Calibri, "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; max-width: 182mm; margin: 0 auto; padding: 12px; }
h1 { font-size: 20pt; margin: 0 0 8pt; color: #1f3b57; }
h2 { font-size: 14pt; color: #1f3b57; border-bottom: 1.5pt solid #1f3b57; padding-bottom: 2pt; margin: 18pt 0 8pt; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 14pt 0 6pt; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 10.5pt; margin: 0 0 3pt; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; }
ul { margin: 0 0 8pt; padding-left: 16pt; }
li { margin-bottom: 2pt; break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0 0 8pt; }
th, td { text-align: left; vertical-align: top; padding: 2.5pt 6pt; border-bottom: 0.5pt solid #c9cfd6; }
thead th { background: #e8eef4; border-bottom: 1pt solid #1f3b57; }
tr { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.total th, .total td { font-weight: bold; border-top: 1pt solid #1f3b57; border-bottom: none; }
table.meta { width: auto; }
table.meta th { font-weight: 600; padding-left: 0; }
.notice { border: 2pt solid #b00020; background: #fdecee; color: #7a0015; padding: 8pt 10pt; margin: 0 0 10pt; font-weight: bold; font-size: 12pt; }
.verdict-name { font-size: 16pt; font-weight: bold; margin: 2pt 0 6pt; }
.verdict-robuust .verdict-name { color: #1b6e2e; }
.verdict-robuust_met_aandachtspunten .verdict-name { color: #8a5a00; }
.verdict-vervolgtraject .verdict-name { color: #a4161a; }
.override { border-left: 3pt solid #1f3b57; background: #f2f5f8; padding: 4pt 8pt; }
.override.ignored { border-left-color: #b00020; background: #fdecee; }
.chart { margin: 0 0 8pt; break-inside: avoid; page-break-inside: avoid; }
.chart svg { width: 100%; height: auto; display: block; }
.points { padding-left: 18pt; }
.points > li { margin-bottom: 6pt; }
.points > li.long { break-inside: auto; page-break-inside: auto; }
.order { break-after: avoid; page-break-after: avoid; }
.points p { margin: 1pt 0 0; }
.label { font-weight: 600; }
.order { color: #555; font-size: 9pt; }
.rule { font-size: 9.5pt; }
p, li { orphans: 3; widows: 3; }
.criterion { margin: 0 0 10pt; break-inside: avoid; page-break-inside: avoid; }
.criterion.long { break-inside: auto; page-break-inside: auto; }
.criterion table { margin: 0; }
.criterion th { width: 22%; font-weight: 600; }
.criterion td.answer { width: 26%; }
.mark { font-size: 8pt; font-weight: normal; border: 0.75pt solid #777; border-radius: 3pt; padding: 0 3pt; margin-left: 4pt; white-space: nowrap; }
.mark.open { border-color: #b00020; color: #b00020; }
.open-answer { color: #b00020; font-style: italic; }
footer { margin-top: 18pt; font-size: 8.5pt; color: #666; }
@media print { body { max-width: none; padding: 0; } }
"#;

/// Bar colours: one per perspective (cycling), and the joint score's.
const PERSPECTIVE_COLOURS: [&str; 4] = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1"];
const JOINT_COLOUR: &str = "#2b2b2b";

pub(super) fn render(report: &Report) -> String {
    let words = report.words();
    let meta = &report.scan.meta;
    let title = (words.title)(&meta.region);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>",
        report.words().html_lang
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    let _ = writeln!(out, "<title>{}</title>", esc(&title));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");

    out.push_str("<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(&title));
    if let Some(notice) = report.incomplete_notice() {
        let _ = writeln!(out, "<p class=\"notice\">{}</p>", esc(&notice));
    }
    out.push_str("<table class=\"meta\"><tbody>\n");
    for (label, value) in [
        (words.region, meta.region.clone()),
        (words.date, report.date_line()),
        (words.facilitator, meta.facilitator.clone()),
        (words.note_taker, meta.note_taker.clone()),
        (words.framework, report.framework_line()),
    ] {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            esc(label),
            esc(&value)
        );
    }
    out.push_str("</tbody></table>\n</header>\n");

    verdict(&mut out, report);
    attention(&mut out, report);
    themes(&mut out, report);
    participants(&mut out, report);
    criteria(&mut out, report);
    unanswered(&mut out, report);

    let _ = writeln!(out, "<footer>{}</footer>", esc(&report.made_with()));
    out.push_str("</body>\n</html>\n");
    out
}

fn participants(out: &mut String, report: &Report) {
    let words = report.words();
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(words.participants));
    let participants = &report.scan.meta.participants;
    if participants.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(words.no_participants));
    } else {
        let _ = writeln!(
            out,
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(words.name),
            esc(words.organisation),
            esc(words.perspective)
        );
        for participant in participants {
            let perspective = match report.perspective_label(&participant.perspective) {
                "" => participant.perspective.as_str(),
                label => label,
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&participant.name),
                esc(&participant.organisation),
                esc(perspective)
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</section>\n");
}

fn verdict(out: &mut String, report: &Report) {
    let words = report.words();
    let summary = report.verdict_summary();
    let _ = writeln!(
        out,
        "<section class=\"verdict verdict-{}\">\n<h2>{}</h2>",
        summary.shown.key(),
        esc(words.verdict)
    );
    let _ = writeln!(
        out,
        "<p class=\"verdict-name\">{}</p>",
        esc(&report.verdict_headline())
    );
    if let Some(computed) = summary.computed_if_overridden {
        let _ = writeln!(
            out,
            "<p>{}: {}</p>",
            esc(words.computed_verdict),
            esc((report.text.verdict)(computed))
        );
    }
    let _ = writeln!(
        out,
        "<p>{}: <strong>{}</strong></p>",
        esc(words.total),
        esc(&report.score_number(report.evaluation.total_exact.as_ref()))
    );
    if let Some(text) = report.override_text() {
        let class = if report.override_ignored() {
            "override ignored"
        } else {
            "override"
        };
        let _ = writeln!(
            out,
            "<p class=\"{class}\"><strong>{}:</strong> {}</p>",
            esc(words.override_heading),
            esc_lines(&text)
        );
    }
    let _ = writeln!(out, "<h3>{}</h3>\n<ul>", esc(words.reasons));
    for reason in report.reasons() {
        let _ = writeln!(out, "<li>{}</li>", esc(&reason));
    }
    out.push_str("</ul>\n</section>\n");
}

fn themes(out: &mut String, report: &Report) {
    let words = report.words();
    let weighting = report.weighting();
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(words.weighting_heading));
    out.push_str(&chart(report));
    let _ = write!(out, "<table><thead><tr><th>{}</th>", esc(words.theme));
    for perspective in &report.framework.perspectives {
        let _ = write!(out, "<th class=\"num\">{}</th>", esc(&perspective.label));
    }
    let _ = writeln!(
        out,
        "<th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>\
         </tr></thead><tbody>",
        esc(words.joint),
        esc(words.weight),
        esc(words.weighted_score)
    );
    for ((theme, result), weighted) in report
        .framework
        .themes
        .iter()
        .zip(&report.evaluation.themes)
        .zip(&weighting.themes)
    {
        let mut name = esc(&theme_name(theme));
        if weighted.core {
            let _ = write!(
                name,
                " <span class=\"mark\">{}</span>",
                esc(words.core_theme)
            );
        }
        let _ = write!(out, "<tr><td>{name}</td>");
        for mean in &result.perspective_means {
            let _ = write!(
                out,
                "<td class=\"num\">{}</td>",
                esc(&report.number(mean.mean))
            );
        }
        let _ = writeln!(
            out,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&weighted.score),
            esc(&weighted.weight),
            esc(&weighted.weighted)
        );
    }
    let _ = write!(out, "<tr class=\"total\"><th>{}</th>", esc(words.total));
    for _ in &report.framework.perspectives {
        out.push_str("<td></td>");
    }
    let _ = writeln!(
        out,
        "<td class=\"num\">{}</td><td></td><td></td></tr>\n</tbody></table>",
        esc(&report.score_number(report.evaluation.total_exact.as_ref()))
    );
    if let Some(sum) = &weighting.total_sum {
        let _ = writeln!(out, "<p><strong>{}</strong></p>", esc(sum));
    }
    for rule in [
        words.weighting_explained,
        &weighting.follow_up,
        &weighting.robust,
        words.otherwise_rule,
    ] {
        let _ = writeln!(out, "<p class=\"rule\">{}</p>", esc(rule));
    }
    out.push_str("</section>\n");
}

/// A grouped bar chart: per theme, each perspective's mean and the joint
/// (counting) score, on the framework's scale. The axis starts at the bottom
/// of the scale (a mean cannot be lower); theme titles wrap between words and
/// are shown whole; a value label that is wider than its bar is turned on its
/// side, so labels of neighbouring bars never overlap.
fn chart(report: &Report) -> String {
    const WIDTH: f64 = 680.0;
    const LEFT: f64 = 34.0;
    const RIGHT: f64 = 6.0;
    const LEGEND: f64 = 34.0;
    const PLOT_HEIGHT: f64 = 170.0;
    const VALUE_FONT: f64 = 8.0;
    const TITLE_FONT: f64 = 9.0;
    /// Average glyph width per font size unit, for the sans fonts of the page.
    const GLYPH: f64 = 0.58;
    let words = report.words();
    let framework = report.framework;
    let themes = &report.evaluation.themes;
    let series = framework.perspectives.len() + 1;
    let values = framework.scale.levels.iter().map(|level| level.value);
    let max = values.clone().max().unwrap_or(1).max(1);
    let min = values.min().unwrap_or(0).min(max - 1);
    let (min_value, max_value) = (f64::from(min), f64::from(max));
    let plot_width = WIDTH - LEFT - RIGHT;
    let group_width = plot_width / themes.len().max(1) as f64;
    let bar_width = (group_width * 0.78 / series as f64).min(30.0);

    // Value labels: upright when they fit over their bar, else on their side.
    let widest_label = report.number(Some(max_value)).chars().count() as f64;
    let upright = widest_label * VALUE_FONT * GLYPH <= bar_width - 1.0;
    let value_font = if upright {
        VALUE_FONT
    } else {
        VALUE_FONT.min(bar_width - 1.0).max(4.0)
    };
    let top = if upright {
        LEGEND
    } else {
        LEGEND + widest_label * value_font * GLYPH
    };

    // Theme titles, wrapped between words; a word wider than the group gets a smaller font.
    let max_chars = ((group_width - 6.0) / (TITLE_FONT * GLYPH)).max(1.0) as usize;
    let titles: Vec<Vec<(String, f64)>> = framework
        .themes
        .iter()
        .map(|theme| {
            wrap(&theme.title, max_chars)
                .into_iter()
                .map(|line| {
                    let chars = line.chars().count().max(1) as f64;
                    let font = TITLE_FONT
                        .min((group_width - 4.0) / (chars * GLYPH))
                        .max(4.0);
                    (line, font)
                })
                .collect()
        })
        .collect();
    let title_lines = titles.iter().map(Vec::len).max().unwrap_or(0) as f64;
    let height = top + PLOT_HEIGHT + 20.0 + title_lines * 11.0;
    let baseline = top + PLOT_HEIGHT;
    let y_of = |value: f64| {
        baseline
            - (value.clamp(min_value, max_value) - min_value) / (max_value - min_value)
                * PLOT_HEIGHT
    };

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<figure class=\"chart\">\n<svg viewBox=\"0 0 {WIDTH} {height:.1}\" role=\"img\" \
         aria-labelledby=\"chart-title\" font-family=\"inherit\" font-size=\"10\">"
    );
    let _ = writeln!(
        svg,
        "<title id=\"chart-title\">{}</title>",
        esc(words.chart_title)
    );

    // Legend along the top.
    let mut x = LEFT;
    let names = framework
        .perspectives
        .iter()
        .map(|p| p.label.as_str())
        .chain(std::iter::once(words.joint));
    for (index, name) in names.enumerate() {
        let _ = writeln!(
            svg,
            "<rect x=\"{x:.1}\" y=\"8\" width=\"10\" height=\"10\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"17\">{}</text>",
            colour(index, series),
            x + 14.0,
            esc(name)
        );
        x += 14.0 + name.chars().count() as f64 * 6.2 + 18.0;
    }

    // Grid lines and the scale values, from the bottom of the scale up.
    for level in min..=max {
        let y = y_of(f64::from(level));
        let stroke = if level == min { "#555555" } else { "#d5d9de" };
        let _ = writeln!(
            svg,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{stroke}\" \
             stroke-width=\"0.8\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" \
             fill=\"#555555\">{level}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 3.5
        );
    }

    for (index, ((theme, result), title)) in
        framework.themes.iter().zip(themes).zip(&titles).enumerate()
    {
        let group_left = LEFT + index as f64 * group_width;
        let bars_left = group_left + (group_width - bar_width * series as f64) / 2.0;
        let values = result
            .perspective_means
            .iter()
            .map(|mean| mean.mean)
            .chain(std::iter::once(result.score));
        for (bar, value) in values.enumerate() {
            let x = bars_left + bar as f64 * bar_width;
            let centre = x + bar_width / 2.0;
            match value {
                Some(value) => {
                    // A bar at the bottom of the scale keeps a sliver, so it reads as a bar.
                    let bar_top = y_of(value).min(baseline - 1.5);
                    let label = esc(&report.number(Some(value)));
                    let _ = write!(
                        svg,
                        "<rect x=\"{:.1}\" y=\"{bar_top:.1}\" width=\"{:.1}\" height=\"{:.1}\" \
                         fill=\"{}\"/>",
                        x + 1.0,
                        (bar_width - 2.0).max(1.0),
                        baseline - bar_top,
                        colour(bar, series),
                    );
                    let label_y = bar_top - 3.0;
                    if upright {
                        let _ = writeln!(
                            svg,
                            "<text x=\"{centre:.1}\" y=\"{label_y:.1}\" text-anchor=\"middle\" \
                             font-size=\"{value_font}\">{label}</text>"
                        );
                    } else {
                        let x = centre + value_font * 0.35;
                        let _ = writeln!(
                            svg,
                            "<text x=\"{x:.1}\" y=\"{label_y:.1}\" transform=\"rotate(-90 {x:.1} \
                             {label_y:.1})\" font-size=\"{value_font:.1}\">{label}</text>"
                        );
                    }
                }
                None => {
                    let _ = writeln!(
                        svg,
                        "<text x=\"{centre:.1}\" y=\"{:.1}\" text-anchor=\"middle\" \
                         fill=\"#777777\">{}</text>",
                        baseline - 4.0,
                        esc(words.no_score)
                    );
                }
            }
        }
        let centre = group_left + group_width / 2.0;
        let _ = write!(
            svg,
            "<text x=\"{centre:.1}\" y=\"{:.1}\" text-anchor=\"middle\">\
             <tspan font-weight=\"bold\">{}</tspan>",
            baseline + 14.0,
            esc(&theme.id)
        );
        for (line, (text, font)) in title.iter().enumerate() {
            let _ = write!(
                svg,
                "<tspan x=\"{centre:.1}\" y=\"{:.1}\" font-size=\"{font:.1}\">{}</tspan>",
                baseline + 26.0 + line as f64 * 11.0,
                esc(text)
            );
        }
        svg.push_str("</text>\n");
    }
    svg.push_str("</svg>\n</figure>\n");
    svg
}

/// The colour of a series: perspectives first, the joint score last.
fn colour(index: usize, series: usize) -> &'static str {
    if index + 1 == series {
        JOINT_COLOUR
    } else {
        PERSPECTIVE_COLOURS[index % PERSPECTIVE_COLOURS.len()]
    }
}

/// Words in lines of at most `width` characters (a longer word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(last) if last.chars().count() + 1 + word.chars().count() <= width => {
                last.push(' ');
                last.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

fn criteria(out: &mut String, report: &Report) {
    let words = report.words();
    let _ = writeln!(
        out,
        "<section class=\"criteria\">\n<h2>{}</h2>",
        esc(words.details_heading)
    );
    for (theme_index, theme) in report.framework.themes.iter().enumerate() {
        let _ = writeln!(out, "<h3>{}</h3>", esc(&theme_name(theme)));
        for row in report.theme_rows(theme_index) {
            criterion(out, report, &row);
        }
    }
    out.push_str("</section>\n");
}

/// Printed lines above which a criterion may continue on the next page
/// (between its rows, never inside one): kept whole, a criterion this long
/// would leave up to a third of a page empty before it.
const LONG_CRITERION_LINES: usize = 14;

/// A rough count of the printed lines of a criterion: its heading and each
/// row, notes wrapped at the width of their column.
fn estimated_lines(report: &Report, row: &Row) -> usize {
    const NOTE_COLUMN_CHARS: usize = 48;
    const WIDE_COLUMN_CHARS: usize = 90;
    let lines = |text: &str, width: usize| -> usize {
        clean(text)
            .split('\n')
            .map(|line| line.chars().count().div_ceil(width).max(1))
            .sum()
    };
    let notes: usize = (0..report.framework.perspectives.len())
        .map(|index| lines(report.perspective_note(row, index), NOTE_COLUMN_CHARS))
        .sum::<usize>()
        + lines(&row.answer.consensus_note, NOTE_COLUMN_CHARS);
    let action: usize = report
        .agenda_lines(row)
        .iter()
        .map(|line| lines(line, WIDE_COLUMN_CHARS))
        .sum();
    2 + notes + 2 + action
}

fn criterion(out: &mut String, report: &Report, row: &Row) {
    let words = report.words();
    let class = if estimated_lines(report, row) > LONG_CRITERION_LINES {
        "criterion long"
    } else {
        "criterion"
    };
    let _ = write!(
        out,
        "<div class=\"{class}\" id=\"{}\">\n<h4>{}",
        esc(&row.entry.criterion.id),
        esc(&criterion_name(row))
    );
    let open = words.open;
    for mark in report.marks(row) {
        let class = if mark == open { "mark open" } else { "mark" };
        let _ = write!(out, " <span class=\"{class}\">{}</span>", esc(mark));
    }
    out.push_str("</h4>\n<table><tbody>\n");
    for (index, perspective) in report.framework.perspectives.iter().enumerate() {
        answer_row(
            out,
            &perspective.label,
            &report.perspective_answer(row, index),
            report.perspective_note(row, index),
        );
    }
    let consensus = if row.result.answered {
        esc(&report.consensus_answer(row))
    } else {
        format!(
            "<span class=\"open-answer\">{}</span>",
            esc(&report.consensus_answer(row))
        )
    };
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"answer\">{consensus}</td><td>{}</td></tr>",
        esc(words.consensus),
        esc_lines(&row.answer.consensus_note)
    );
    wide_row(out, words.agreement, &report.agreement_label(row));
    wide_row(out, words.counting_score, &report.counting_score(row));
    if let Some(ambition) = &row.answer.ambition {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td colspan=\"2\">{}</td></tr>",
            esc(report.text.agenda.ambition),
            esc_lines(&super::agenda::ambition_line(
                report.text,
                report.framework,
                ambition
            ))
        );
    }
    for action in &row.answer.actions {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td colspan=\"2\">{}</td></tr>",
            esc(words.action),
            esc_lines(&super::agenda::action_line(report.text, action))
        );
    }
    out.push_str("</tbody></table>\n</div>\n");
}

fn answer_row(out: &mut String, label: &str, answer: &str, note: &str) {
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"answer\">{}</td><td>{}</td></tr>",
        esc(label),
        esc(answer),
        esc_lines(note)
    );
}

/// A row without a note: the value may use the note's column too.
fn wide_row(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td colspan=\"2\">{}</td></tr>",
        esc(label),
        esc(value)
    );
}

/// A criterion's ambition and actions as HTML, if it has any: the one place
/// the HTML report writes them outside the criterion's own table.
fn action(report: &Report, row: &Row) -> Option<String> {
    let lines = report.agenda_lines(row);
    (!lines.is_empty()).then(|| {
        lines
            .iter()
            .map(|line| esc_lines(&clean(line)))
            .collect::<Vec<_>>()
            .join("<br/>\n")
    })
}

/// Characters of notes and action above which a point of attention may
/// continue on the next page (about eight printed lines).
const LONG_POINT_CHARS: usize = 700;

/// The points of attention, most severe first, each with the note that
/// explains it and its action; then the actions of the other criteria.
fn attention(out: &mut String, report: &Report) {
    let words = report.words();
    let _ = writeln!(
        out,
        "<section class=\"attention\">\n<h2>{}</h2>",
        esc(words.attention_by_severity)
    );
    let points = report.attention_by_severity();
    if points.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(words.no_attention));
    } else {
        let _ = writeln!(
            out,
            "<p class=\"order\">{}</p>\n<ol class=\"points\">",
            esc(words.attention_order)
        );
        for point in points {
            // As with criteria: a long point may continue on the next page.
            let long = point.row.as_ref().is_some_and(|row| {
                let explained: usize = report
                    .explanation(row)
                    .iter()
                    .map(|(_, note)| note.chars().count())
                    .sum();
                let agenda: usize = report
                    .agenda_lines(row)
                    .iter()
                    .map(|line| line.chars().count())
                    .sum();
                explained + agenda > LONG_POINT_CHARS
            });
            let class = if long { " class=\"long\"" } else { "" };
            let _ = write!(out, "<li{class}><strong>{}</strong>", esc(&point.text));
            if let Some(row) = &point.row {
                if row.entry.criterion.critical {
                    let _ = write!(
                        out,
                        " <span class=\"mark\">{}</span>",
                        esc(report.text.critical)
                    );
                }
                for (label, note) in report.explanation(row) {
                    let _ = write!(
                        out,
                        "\n<p><span class=\"label\">{}:</span> {}</p>",
                        esc(&label),
                        esc_lines(&note)
                    );
                }
                for (label, item) in report.agenda_items(row) {
                    let _ = write!(
                        out,
                        "\n<p><span class=\"label\">{}:</span> {}</p>",
                        esc(label),
                        esc_lines(&clean(&item))
                    );
                }
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    let others = report.other_actions();
    if !others.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", esc(words.other_actions));
        for row in others {
            if let Some(action) = action(report, &row) {
                let _ = writeln!(
                    out,
                    "<li><strong>{}:</strong> {action}</li>",
                    esc(&criterion_name(&row))
                );
            }
        }
        out.push_str("</ul>\n");
    }
    let without = report.attention_without_action();
    if !without.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>",
            esc(report.text.agenda.without_action_title)
        );
        out.push_str("<ul>\n");
        for name in without {
            let _ = writeln!(out, "<li>{}</li>", esc(&name));
        }
        out.push_str("</ul>\n");
    }
    if let Some(progress) = report.agenda_progress() {
        let _ = writeln!(out, "<h3>{}</h3>", esc(report.text.agenda.progress_title));
        let _ = writeln!(out, "<p>{}</p>", esc(&progress));
    }
    out.push_str("</section>\n");
}

fn unanswered(out: &mut String, report: &Report) {
    let words = report.words();
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(words.unanswered));
    let open = report.unanswered();
    if open.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(words.nothing_unanswered));
    } else {
        out.push_str("<ul>\n");
        for row in open {
            let skipped = if row.answer.skipped {
                format!(" ({})", esc(report.text.status_skipped))
            } else {
                String::new()
            };
            let _ = writeln!(out, "<li>{}{skipped}</li>", esc(&criterion_name(&row)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// Text as HTML (and XML) character data or attribute value: one line, with
/// the five special characters escaped and control characters made visible.
pub(super) fn esc(text: &str) -> String {
    escape_markup(&clean(text).replace('\n', " "))
}

/// Multi-line text (a note) as HTML, each line break a `<br/>`.
fn esc_lines(text: &str) -> String {
    escape_markup(&clean(text)).replace('\n', "<br/>\n")
}

fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_line_breaks() {
        assert_eq!(
            esc("<a href='x'>&\"</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"
        );
        assert_eq!(
            esc_lines("één\r\ntwee & <drie>"),
            "één<br/>\ntwee &amp; &lt;drie&gt;"
        );
    }

    #[test]
    fn wrap_breaks_between_words() {
        assert_eq!(
            wrap("Inkoop en financiering", 12),
            ["Inkoop en", "financiering"]
        );
        assert_eq!(wrap("", 12), Vec::<String>::new());
    }
}
