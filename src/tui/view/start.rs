//! The start screen: start a new scan, open one by path, or pick a recent scan
//! or one from the scans folder.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::style::Styles;
use crate::tui::app::{App, StartItem, StartScreen};

pub fn draw(frame: &mut Frame, body: Rect, app: &App, start: &StartScreen, styles: &Styles) {
    let text = app.text;
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", text.start_title),
        styles.title,
    ));
    let inner = block.inner(body);
    frame.render_widget(block, body);

    let mut lines = vec![
        Line::styled(text.start_intro, styles.normal),
        Line::from(""),
    ];
    let items = app.start_items();
    let selected = start.selected.min(items.len().saturating_sub(1));
    let mut selected_row = 0;
    let mut section = None;
    for (index, item) in items.iter().enumerate() {
        let heading = match item {
            StartItem::Recent(_) => Some(text.recent_heading.to_string()),
            StartItem::InFolder(_) => Some((text.folder_heading)(
                &app.paths.scans_dir.display().to_string(),
            )),
            _ => None,
        };
        if heading.is_some() && heading != section {
            lines.push(Line::from(""));
            lines.push(Line::styled(
                heading.clone().unwrap_or_default(),
                styles.bold,
            ));
            section = heading;
        }
        let mut file_row = None;
        let label = match item {
            StartItem::NewScan => format!("n  {}", text.menu_new_scan),
            StartItem::OpenByPath => format!("o  {}", text.menu_open_path),
            StartItem::Recent(path) | StartItem::InFolder(path) => {
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let folder = path
                    .parent()
                    .map_or_else(String::new, |p| p.display().to_string());
                // Region, date and progress first: what a facilitator looks
                // for; the file under it.
                match app.previews.get(path) {
                    Some(preview) => {
                        file_row = Some(format!("       {name}  ({folder})"));
                        format!(
                            "   {} · {} · {}",
                            preview.region,
                            preview.date,
                            (text.progress)(preview.answered, preview.total)
                        )
                    }
                    None => format!("   {name}  ({folder})"),
                }
            }
        };
        let (marker, style) = if index == selected {
            ("▶ ", styles.selected)
        } else {
            ("  ", styles.normal)
        };
        if index == selected {
            selected_row = lines.len();
        }
        lines.push(Line::styled(format!("{marker}{label}"), style));
        if let Some(file_row) = file_row {
            lines.push(Line::styled(file_row, styles.dim));
        }
    }
    if app.recent.is_empty() && app.folder_scans.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::styled(text.no_scans_yet, styles.dim));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        (text.scans_saved_in)(&app.paths.scans_dir.display().to_string()),
        styles.dim,
    ));
    let height = usize::from(inner.height);
    let offset = selected_row.saturating_sub(height.saturating_sub(3));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((offset as u16, 0)),
        inner,
    );
}
