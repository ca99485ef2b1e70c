//! The help overlay: every key of the screen underneath, generated from the
//! key table, plus what the marks and the scale mean.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::style::Styles;
use super::walkthrough::status_mark;
use super::widgets::{centered, dialog};
use crate::model::CriterionStatus;
use crate::tui::app::{App, Screen};
use crate::tui::keymap;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, styles: &Styles) {
    let text = app.text;
    let context = keymap::screen_context(app);
    let mut lines = Vec::new();
    if let Screen::Walkthrough(walk) = &app.screen {
        lines.push(Line::from(text.help_walkthrough_intro));
        lines.push(Line::from(""));
        let _ = walk;
    }
    let rows = keymap::help_rows(context, false);
    let key_width = rows
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    for (keys, help) in rows {
        let padding = " ".repeat(key_width.saturating_sub(keys.chars().count()));
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys}{padding}  "), styles.bold),
            Span::raw((text.help_long)(help)),
        ]));
    }
    if let Screen::Walkthrough(walk) = &app.screen {
        lines.push(Line::from(""));
        lines.push(Line::styled(text.help_marks_heading, styles.bold));
        let marks = [
            (CriterionStatus::Open, text.status_open),
            (CriterionStatus::Answered, text.status_answered),
            (CriterionStatus::Consensus, text.status_consensus),
            (CriterionStatus::NoConsensus, text.status_no_consensus),
            (CriterionStatus::Skipped, text.status_skipped),
        ];
        let legend: Vec<String> = marks
            .iter()
            .map(|(status, label)| format!("{} {label}", status_mark(*status)))
            .collect();
        lines.push(Line::from(format!("  {}", legend.join("   "))));
        lines.push(Line::from(""));
        lines.push(Line::styled(text.help_scale_heading, styles.bold));
        let scale = &walk.scan.framework.scale;
        for level in &scale.levels {
            lines.push(Line::from(format!(
                "  {} {} — {}",
                level.value, level.label, level.meaning
            )));
        }
        lines.push(Line::from(format!(
            "  o {} — {}",
            scale.unknown.label, scale.unknown.meaning
        )));
        lines.push(Line::from(format!(
            "  x {} — {}",
            scale.not_applicable.label, scale.not_applicable.meaning
        )));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(text.press_esc_to_close_help, styles.dim));
    let box_area = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(dialog(text.help_title, styles)),
        box_area,
    );
}
