//! The theme table of the outcome screen: a row per theme with its name,
//! a bar per perspective and the bar of the joint answers.

use std::rc::Rc;

use super::{Look, Row, row};
use crate::tui::app::App;

/// A theme's row in the table (its name wrapped under it): the name, a bar
/// per perspective and the bar of the joint answers. `columns`: the widths
/// of the name, of a perspective's column and of a bar.
pub(super) fn theme_rows(
    theme: &crate::model::Theme,
    result: &crate::model::ThemeResult,
    app: &App,
    max: f64,
    (name_width, column_width, bar_width): (usize, usize, usize),
) -> Vec<Row> {
    let text = app.text;
    let mut rows = Vec::new();
    // A weight other than 1 stays visible however short the title gets.
    let weight = if (result.weight - 1.0).abs() > f64::EPSILON {
        format!(" ×{}", (text.number)(result.weight))
    } else {
        String::new()
    };
    // The theme's name wraps at whole words under its first row; the
    // weight goes on the first row where it fits.
    let mut name_lines = crate::tui::view::wrap::wrap_words(
        &format!("{} {}", theme.id, theme.title),
        name_width - 1,
    );
    let weight_width = weight.chars().count();
    match name_lines
        .iter_mut()
        .find(|line| line.chars().count() + weight_width < name_width)
    {
        Some(line) => line.push_str(&weight),
        None => name_lines.push(weight.trim_start().to_string()),
    }
    let name = name_lines[0].clone();
    let mut pieces = vec![(format!("{name:<name_width$}"), Look::Normal)];
    for mean in &result.perspective_means {
        pieces.push((
            bar(mean.mean, max, bar_width, column_width, app),
            Look::Normal,
        ));
    }
    pieces.push((bar(result.score, max, bar_width, 0, app), Look::Bold));
    rows.push(Row {
        pieces: Rc::from(pieces),
        entry: None,
    });
    for continuation in &name_lines[1..] {
        rows.push(row(format!("   {continuation}"), Look::Normal));
    }
    rows
}

/// A bar of `width` cells for `value` on a scale up to `max`, and the
/// number right-aligned in four columns; then spaces up to `columns` in all.
/// Built in one string: after an edit the screen makes every bar anew.
fn bar(value: Option<f64>, max: f64, width: usize, columns: usize, app: &App) -> String {
    let mut bar = String::with_capacity(3 * width + 8 + columns);
    let number = match value {
        Some(value) => {
            let filled = ((value / max) * width as f64)
                .round()
                .clamp(0.0, width as f64) as usize;
            bar.extend(std::iter::repeat_n('█', filled));
            bar.extend(std::iter::repeat_n('░', width - filled));
            (app.text.number)(value)
        }
        None => {
            bar.extend(std::iter::repeat_n('·', width));
            "–".to_string()
        }
    };
    let number_columns = number.chars().count();
    bar.push(' ');
    bar.extend(std::iter::repeat_n(
        ' ',
        4_usize.saturating_sub(number_columns),
    ));
    bar.push_str(&number);
    let used = width + 1 + number_columns.max(4);
    bar.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    bar
}
