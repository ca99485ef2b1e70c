//! The overview screen: many scans of one framework and version at a time,
//! as a table (one row per scan), a heatmap of criteria by region, or the
//! median and spread per criterion. Small groups show no aggregates, as in
//! the exports.

use super::rows::Rows;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::style::Styles;
use crate::model::overview::{OverviewGroup, OverviewRow};
use crate::tui::app::{App, OverviewScreen, OverviewView};

fn number(value: Option<f64>, app: &App) -> String {
    value.map_or_else(
        || app.text.report.no_score.to_string(),
        |v| (app.text.number)(v),
    )
}

fn verdict_word(row: &OverviewRow, app: &App) -> String {
    let word = (app.text.verdict)(row.verdict);
    if row.provisional {
        format!("{word} ({})", app.text.report.provisional)
    } else {
        word.to_string()
    }
}

/// Counts per verdict, or why they are not shown.
fn counts(group: &OverviewGroup, min_group: usize, app: &App) -> String {
    let text = app.text;
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

/// A score cell coloured from red (low) to green (high) on the scale.
fn heat(score: Option<u8>, max: u8, app: &App) -> Style {
    if !app.colour {
        return Style::default();
    }
    let Some(score) = score else {
        return Style::default();
    };
    let colours = [
        Color::Red,
        Color::LightRed,
        Color::Yellow,
        Color::LightGreen,
        Color::Green,
    ];
    let max = usize::from(max.max(2));
    let step = (usize::from(score.max(1)) - 1) * (colours.len() - 1) / (max - 1);
    Style::default()
        .fg(Color::Black)
        .bg(colours[step.min(colours.len() - 1)])
}

/// The first row to draw so that `selected` stays in view.
fn offset(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &OverviewScreen, styles: &Styles) {
    let text = app.text;
    let [head, body] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let Some(group) = screen.overview.groups.get(screen.group) else {
        let mut lines = vec![Line::from(text.many.no_scans)];
        lines.extend(
            screen
                .problems
                .iter()
                .map(|p| Line::styled(p.as_str(), styles.error)),
        );
        frame.render_widget(Rows::new(lines), area);
        return;
    };
    let views = text.many.overview_views;
    let tabs: Vec<Span> = [
        OverviewView::Rows,
        OverviewView::Heatmap,
        OverviewView::Spread,
    ]
    .into_iter()
    .zip(views)
    .flat_map(|(view, name)| {
        let style = if view == screen.view {
            styles.selected
        } else {
            styles.dim
        };
        [Span::styled(format!(" {name} "), style), Span::raw(" ")]
    })
    .collect();
    let mut heading = vec![
        Line::styled(
            format!(
                " {} ({}/{})",
                (text.many.overview_group)(
                    &group.framework_title,
                    &group.framework_version,
                    group.rows.len()
                ),
                screen.group + 1,
                screen.overview.groups.len()
            ),
            styles.bold,
        ),
        Line::from(format!(
            " {}",
            counts(group, screen.overview.min_group, app)
        )),
        Line::from(tabs),
    ];
    if screen.failed > 0 {
        heading[1] = Line::styled(
            format!(
                " {} {}",
                counts(group, screen.overview.min_group, app),
                (text.many.not_loaded)(screen.failed)
            ),
            styles.warning,
        );
    }
    frame.render_widget(Rows::new(heading), head);
    let inner = Block::bordered().inner(body);
    frame.render_widget(Block::bordered(), body);
    let height = usize::from(inner.height.saturating_sub(1));
    let first = offset(screen.selected, height);
    let mut lines = Vec::new();
    let row_style = |index: usize| {
        if index == screen.selected {
            styles.selected
        } else {
            styles.normal
        }
    };
    match screen.view {
        OverviewView::Rows => {
            let words = &text.report;
            // Date, total and completion keep their width; region and verdict share the rest.
            let rest = usize::from(inner.width).saturating_sub(10 + 7 + 7 + 4);
            let verdict_width = (rest / 2).min(40);
            let region_width = rest.saturating_sub(verdict_width).max(8);
            let line = |region: &str, date: &str, verdict: &str, total: &str, done: &str| {
                format!(
                    "{:<region_width$} {:<10} {:<verdict_width$} {:>7} {:>7}",
                    super::fit(region, region_width),
                    date,
                    super::fit(verdict, verdict_width),
                    super::fit(total, 7),
                    super::fit(done, 7)
                )
            };
            lines.push(Line::styled(
                line(
                    words.region,
                    words.date,
                    words.verdict,
                    words.total,
                    text.many.completion,
                ),
                styles.dim,
            ));
            for (index, row) in group.rows.iter().enumerate().skip(first).take(height) {
                lines.push(Line::styled(
                    line(
                        &row.region,
                        &row.date.to_string(),
                        &verdict_word(row, app),
                        &number(row.total, app),
                        &format!("{}/{}", row.answered, row.criteria),
                    ),
                    row_style(index),
                ));
            }
        }
        OverviewView::Heatmap => {
            let name_width = 20;
            // Two header rows: the id's prefix where it changes ("VIS"), then its number.
            let (prefixes, numbers): (Vec<&str>, Vec<&str>) = group
                .criteria
                .iter()
                .map(|(id, _)| id.rsplit_once('-').unwrap_or(("", id.as_str())))
                .unzip();
            let mut top = vec![Span::raw(format!("{:<name_width$}", ""))];
            let mut bottom = top.clone();
            for (index, (prefix, number)) in prefixes.iter().zip(&numbers).enumerate() {
                let starts = index == 0 || prefixes[index - 1] != *prefix;
                let shown: String = if starts {
                    prefix.chars().take(3).collect()
                } else {
                    String::new()
                };
                top.push(Span::styled(format!(" {shown:<2}"), styles.dim));
                bottom.push(Span::styled(
                    format!("{:>3}", super::fit(number, 2)),
                    styles.dim,
                ));
            }
            lines.push(Line::from(top));
            lines.push(Line::from(bottom));
            for (index, row) in group.rows.iter().enumerate().skip(first).take(height) {
                let mut spans = vec![Span::styled(
                    format!("{:<name_width$}", super::fit(&row.region, name_width)),
                    row_style(index),
                )];
                spans.extend(row.criterion_scores.iter().map(|score| {
                    Span::styled(
                        format!(
                            "{:>3}",
                            score.map_or_else(
                                || text.report.no_score.to_string(),
                                |s| s.to_string()
                            )
                        ),
                        heat(*score, group.scale_max, app),
                    )
                }));
                lines.push(Line::from(spans));
            }
        }
        OverviewView::Spread => {
            let many = &text.many;
            let title_width = usize::from(inner.width)
                .saturating_sub(9 + 4 * 9 + 1)
                .max(8);
            lines.push(Line::styled(
                format!(
                    "{:<9} {:<title_width$} {:>8} {:>8} {:>8} {:>8}",
                    text.report.criterion,
                    super::fit(text.report.criterion_title, title_width),
                    super::fit(many.scored, 8),
                    super::fit(many.median, 8),
                    super::fit(many.lowest, 8),
                    super::fit(many.highest, 8)
                ),
                styles.dim,
            ));
            for (index, spread) in group.spreads.iter().enumerate().skip(first).take(height) {
                let score = |s: Option<u8>| {
                    s.map_or_else(|| text.report.no_score.to_string(), |s| s.to_string())
                };
                lines.push(Line::styled(
                    format!(
                        "{:<9} {:<title_width$} {:>8} {:>8} {:>8} {:>8}",
                        spread.criterion_id,
                        super::fit(&spread.title, title_width),
                        spread.scored,
                        number(spread.median, app),
                        score(spread.lowest),
                        score(spread.highest)
                    ),
                    row_style(index),
                ));
            }
        }
    }
    frame.render_widget(Rows::new(lines), inner);
}
