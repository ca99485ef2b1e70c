//! `zelfscan overview` as Markdown, HTML (with a heatmap of criteria by
//! region), CSV (one row per scan) or JSON: pure functions from an
//! [`Overview`] to text. Aggregated figures of a small group are suppressed
//! by the model; here they are left out and the reason is said.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::csv::{defuse, quote};
use super::html::esc;
use super::{Format, clean};
use crate::i18n::Catalogue;
use crate::model::overview::{Overview, OverviewGroup, OverviewRow};

/// The overview in one format.
pub fn render_overview(overview: &Overview, format: Format, text: &Catalogue) -> String {
    match format {
        Format::Markdown => markdown(overview, text),
        Format::Html => html(overview, text),
        Format::Csv => csv(overview, text),
        Format::Json => json(overview),
    }
}

fn number(value: Option<f64>, text: &Catalogue) -> String {
    value.map_or_else(|| text.report.no_score.to_string(), |v| (text.number)(v))
}

fn score(value: Option<u8>, text: &Catalogue) -> String {
    value.map_or_else(|| text.report.no_score.to_string(), |v| v.to_string())
}

/// "46 regio's, 19 robuust, 20 robuust met aandachtspunten, 7 vervolgtraject",
/// or why it is not shown.
pub fn counts_line(group: &OverviewGroup, min_group: usize, text: &Catalogue) -> String {
    match &group.verdict_counts {
        Some(counts) => {
            let worded: Vec<String> = counts
                .iter()
                .rev()
                .map(|(verdict, count)| {
                    (text.many.verdict_count)(*count, &(text.verdict)(*verdict).to_lowercase())
                })
                .collect();
            (text.many.overview_counts)(group.rows.len(), group.region_count(), &worded.join(", "))
        }
        None => (text.many.suppressed)(min_group),
    }
}

fn verdict(row: &OverviewRow, text: &Catalogue) -> String {
    if row.provisional {
        format!(
            "{} ({})",
            (text.verdict)(row.verdict),
            text.report.provisional
        )
    } else {
        (text.verdict)(row.verdict).to_string()
    }
}

/// The cells of one scan's row: region, date, verdict, total, themes, completion.
fn row_cells(row: &OverviewRow, text: &Catalogue) -> Vec<String> {
    let mut cells = vec![
        clean(&row.region),
        row.date.to_string(),
        verdict(row, text),
        number(row.total, text),
    ];
    cells.extend(row.theme_scores.iter().map(|score| number(*score, text)));
    cells.push(format!("{}/{}", row.answered, row.criteria));
    cells
}

fn row_head<'a>(group: &'a OverviewGroup, text: &'a Catalogue) -> Vec<&'a str> {
    let words = &text.report;
    let mut head = vec![words.region, words.date, words.verdict, words.total];
    head.extend(group.themes.iter().map(|(id, _)| id.as_str()));
    head.push(text.many.completion);
    head
}

fn spread_cells(group: &OverviewGroup, text: &Catalogue) -> Vec<Vec<String>> {
    group
        .spreads
        .iter()
        .map(|spread| {
            vec![
                spread.criterion_id.clone(),
                clean(&spread.title),
                spread.scored.to_string(),
                number(spread.median, text),
                score(spread.lowest, text),
                score(spread.highest, text),
            ]
        })
        .collect()
}

fn spread_head(text: &Catalogue) -> [&str; 6] {
    let many = &text.many;
    [
        text.report.criterion,
        text.report.criterion_title,
        many.scored,
        many.median,
        many.lowest,
        many.highest,
    ]
}

fn md_cell(text: &str) -> String {
    clean(text).replace('|', "\\|").replace('\n', " ")
}

fn md_table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    let head: Vec<String> = head.iter().map(|cell| md_cell(cell)).collect();
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| md_cell(cell)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

fn heatmap_rows(group: &OverviewGroup, text: &Catalogue) -> Vec<Vec<String>> {
    group
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![clean(&row.region)];
            cells.extend(row.criterion_scores.iter().map(|s| score(*s, text)));
            cells
        })
        .collect()
}

fn heatmap_head<'a>(group: &'a OverviewGroup, text: &'a Catalogue) -> Vec<&'a str> {
    let mut head = vec![text.report.region];
    head.extend(group.criteria.iter().map(|(id, _)| id.as_str()));
    head
}

fn markdown(overview: &Overview, text: &Catalogue) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        (text.many.overview_title)(overview.scan_count())
    );
    if overview.groups.is_empty() {
        let _ = writeln!(out, "{}", text.many.no_scans);
    }
    if overview.homework_left_out > 0 {
        let _ = writeln!(
            out,
            "{}\n",
            (text.many.homework_left_out)(overview.homework_left_out)
        );
    }
    for group in &overview.groups {
        let _ = writeln!(
            out,
            "## {}\n\n{}\n",
            md_cell(&(text.many.overview_group)(
                &group.framework_title,
                &group.framework_version,
                group.rows.len()
            )),
            counts_line(group, overview.min_group, text)
        );
        let rows: Vec<Vec<String>> = group.rows.iter().map(|r| row_cells(r, text)).collect();
        md_table(&mut out, &row_head(group, text), &rows);
        let _ = writeln!(out, "### {}\n", text.many.heatmap_title);
        md_table(
            &mut out,
            &heatmap_head(group, text),
            &heatmap_rows(group, text),
        );
        let _ = writeln!(out, "### {}\n", text.many.spread_title);
        md_table(&mut out, &spread_head(text), &spread_cells(group, text));
    }
    out
}

const STYLE: &str = "body{font-family:sans-serif;margin:0 auto;padding:12px;color:#1a1a1a}\
h1,h2{color:#1f3b57}table{border-collapse:collapse;margin:0 0 10pt}\
th,td{text-align:left;padding:2pt 5pt;border-bottom:0.5pt solid #c9cfd6}\
thead th{background:#e8eef4}.heat td{text-align:center;min-width:2.2em}";

/// A cell colour from red (lowest) to green (highest) of the scale.
fn heat_colour(score: Option<u8>, max: u8) -> &'static str {
    const COLOURS: [&str; 5] = ["#e4989b", "#f1c27d", "#f6e3a1", "#b9dba9", "#7fbf7f"];
    match score {
        None => "#f2f2f2",
        Some(score) => {
            let max = usize::from(max.max(2));
            let step = (usize::from(score.max(1)) - 1) * (COLOURS.len() - 1) / (max - 1);
            COLOURS[step.min(COLOURS.len() - 1)]
        }
    }
}

fn html_table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    out.push_str("<table>\n<thead><tr>");
    for cell in head {
        let _ = write!(out, "<th>{}</th>", esc(cell));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", esc(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn html(overview: &Overview, text: &Catalogue) -> String {
    let title = (text.many.overview_title)(overview.scan_count());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>",
        text.report.html_lang,
        esc(&title),
        esc(&title)
    );
    if overview.groups.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(text.many.no_scans));
    }
    if overview.homework_left_out > 0 {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            esc(&(text.many.homework_left_out)(overview.homework_left_out))
        );
    }
    for group in &overview.groups {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<p>{}</p>",
            esc(&(text.many.overview_group)(
                &group.framework_title,
                &group.framework_version,
                group.rows.len()
            )),
            esc(&counts_line(group, overview.min_group, text))
        );
        let rows: Vec<Vec<String>> = group.rows.iter().map(|r| row_cells(r, text)).collect();
        html_table(&mut out, &row_head(group, text), &rows);
        let _ = writeln!(out, "<h3>{}</h3>", esc(text.many.heatmap_title));
        out.push_str("<table class=\"heat\">\n<thead><tr>");
        for cell in heatmap_head(group, text) {
            let _ = write!(out, "<th>{}</th>", esc(cell));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &group.rows {
            let _ = write!(out, "<tr><th>{}</th>", esc(&row.region));
            for value in &row.criterion_scores {
                let _ = write!(
                    out,
                    "<td style=\"background:{}\">{}</td>",
                    heat_colour(*value, group.scale_max),
                    esc(&score(*value, text))
                );
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        let _ = writeln!(out, "<h3>{}</h3>", esc(text.many.spread_title));
        html_table(&mut out, &spread_head(text), &spread_cells(group, text));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// One row per scan: source, framework, the row's cells, then every criterion's score.
fn csv(overview: &Overview, text: &Catalogue) -> String {
    let separator = text.report.csv_separator;
    let mut out = String::from("\u{feff}");
    let mut record = |fields: &[String]| {
        let cells: Vec<String> = fields
            .iter()
            .map(|field| quote(&defuse(&clean(field)), separator))
            .collect();
        out.push_str(&cells.join(&separator.to_string()));
        out.push_str("\r\n");
    };
    for group in &overview.groups {
        let mut head: Vec<String> = vec![
            text.many.source.to_string(),
            text.report.framework.to_string(),
        ];
        head.extend(row_head(group, text).into_iter().map(String::from));
        head.extend(group.criteria.iter().map(|(id, _)| id.clone()));
        record(&head);
        for row in &group.rows {
            let mut cells = vec![
                row.source.clone(),
                format!("{} {}", group.framework_id, group.framework_version),
            ];
            cells.extend(row_cells(row, text));
            cells.extend(row.criterion_scores.iter().map(|s| score(*s, text)));
            record(&cells);
        }
    }
    out
}

fn json(overview: &Overview) -> String {
    let groups: Vec<Value> = overview
        .groups
        .iter()
        .map(|group| {
            json!({
                "framework": {"id": group.framework_id, "title": group.framework_title, "version": group.framework_version},
                "themes": group.themes.iter().map(|(id, _)| id).collect::<Vec<_>>(),
                "criteria": group.criteria.iter().map(|(id, _)| id).collect::<Vec<_>>(),
                "suppressed": group.suppressed,
                "verdict_counts": group.verdict_counts.as_ref().map(|counts| {
                    counts.iter().map(|(verdict, count)| (verdict.key().to_string(), json!(count))).collect::<serde_json::Map<String, Value>>()
                }),
                "scans": group.rows.iter().map(|row| json!({
                    "source": row.source,
                    "region": row.region,
                    "date": row.date.to_string(),
                    "verdict": row.verdict.key(),
                    "provisional": row.provisional,
                    "total": row.total,
                    "theme_scores": row.theme_scores,
                    "answered": row.answered,
                    "criteria": row.criteria,
                    "criterion_scores": row.criterion_scores,
                })).collect::<Vec<Value>>(),
                "spread": group.spreads.iter().map(|spread| json!({
                    "id": spread.criterion_id,
                    "scored": spread.scored,
                    "median": spread.median,
                    "lowest": spread.lowest,
                    "highest": spread.highest,
                })).collect::<Vec<Value>>(),
            })
        })
        .collect();
    let value = json!({
        "min_group": overview.min_group,
        "scan_count": overview.scan_count(),
        "homework_left_out": overview.homework_left_out,
        "groups": groups,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
