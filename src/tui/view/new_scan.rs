//! The new-scan form: region, date, people, framework, participants and the
//! file the scan will be saved in.

use super::rows::Rows;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::style::Styles;
use crate::tui::app::{App, FormField, NewScanForm};
use crate::tui::text_edit::{self, Viewport};

const LABEL_WIDTH: u16 = 16;

/// Where each form field goes: label row and value area. The participants
/// box grows with what is typed in it (plus a row for the next person); when
/// the screen runs out, the blank rows between the fields above it go first.
pub fn layout(body: Rect, form: &NewScanForm) -> Vec<(FormField, Rect)> {
    let inner = Rect {
        x: body.x + 1,
        y: body.y + 1,
        width: body.width.saturating_sub(2),
        height: body.height.saturating_sub(2),
    };
    let value_x = inner.x + LABEL_WIDTH;
    let value_width = inner.width.saturating_sub(LABEL_WIDTH);
    // Everything but the participants list takes one row plus a blank row;
    // the list takes what is left after the hint, error and button rows.
    let fixed_rows = 2 * 6 + 2;
    let content_rows = participant_rows(&form.participants.text, value_width);
    let wanted = (content_rows + 1).max(3);
    let room = inner.height.saturating_sub(fixed_rows + 3);
    // The five fields above the list give up their blank rows if needed.
    let compact = wanted > room;
    let participants_rows = if compact {
        wanted.min(room + 5).max(1)
    } else {
        wanted
    };
    let mut y = inner.y;
    let mut placed = Vec::new();
    let mut above_participants = true;
    for field in FormField::ALL {
        let height = if field == FormField::Participants {
            participants_rows
        } else {
            1
        };
        placed.push((
            field,
            Rect {
                x: value_x,
                y,
                width: value_width,
                height,
            },
        ));
        if field == FormField::Participants {
            above_participants = false;
        }
        y += height
            + if field == FormField::Participants {
                2
            } else if compact && above_participants {
                0
            } else {
                1
            };
    }
    placed
}

/// How many rows the participants take wrapped at `width`.
fn participant_rows(text: &str, width: u16) -> u16 {
    let shown = text_edit::visible(
        text,
        &text_edit::TextCursor::default(),
        Viewport {
            width: width.max(1),
            height: u16::MAX,
        },
    );
    u16::try_from(shown.rows.len()).unwrap_or(u16::MAX).max(1)
}

/// The size of a form field's text box for a terminal of this size.
pub fn input_viewport(size: (u16, u16), field: FormField, form: &NewScanForm) -> Viewport {
    layout(super::body_area(size), form)
        .into_iter()
        .find(|(f, _)| *f == field)
        .map_or(
            Viewport {
                width: 40,
                height: 1,
            },
            |(_, area)| Viewport {
                width: area.width.max(1),
                height: area.height.max(1),
            },
        )
}

pub fn draw(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    form: &NewScanForm,
    styles: &Styles,
) -> Option<Position> {
    let text = app.text;
    frame.render_widget(
        Block::bordered().title(Span::styled(
            format!(" {} ", text.new_scan_title),
            styles.title,
        )),
        body,
    );
    let mut cursor = None;
    for (field, area) in layout(body, form) {
        let focused = field == form.focus;
        let label_area = Rect {
            x: area.x.saturating_sub(LABEL_WIDTH),
            width: LABEL_WIDTH,
            height: 1,
            ..area
        };
        let label = match field {
            FormField::Region => text.form_region,
            FormField::Date => text.form_date,
            FormField::Facilitator => text.form_facilitator,
            FormField::NoteTaker => text.form_note_taker,
            FormField::Framework => text.form_framework,
            FormField::Participants => text.form_participants,
            FormField::File => text.form_file,
            FormField::Start => "",
        };
        let (marker, label_style) = if focused {
            ("▶", styles.selected)
        } else {
            (" ", styles.bold)
        };
        if field != FormField::Start {
            frame.render_widget(
                Rows::new(format!("{marker}{label}")).style(label_style),
                label_area,
            );
        }
        match field {
            FormField::Framework => {
                let choice = app.frameworks.get(form.framework);
                let name = choice.map_or_else(String::new, |c| {
                    format!("{} ({})", c.framework.title, c.framework.version)
                });
                let line = Line::from(vec![
                    Span::raw("‹ "),
                    Span::styled(name, if focused { styles.chosen } else { styles.bold }),
                    Span::raw(" ›"),
                ]);
                frame.render_widget(Rows::new(line), area);
            }
            FormField::Start => {
                let button = format!("[ {} ]", text.form_start_button);
                frame.render_widget(
                    Rows::new(button).style(if focused {
                        styles.selected
                    } else {
                        styles.bold
                    }),
                    area,
                );
                if let Some(error) = &form.error {
                    let error_area = Rect {
                        y: area.y + 1,
                        height: 2,
                        x: area.x.saturating_sub(LABEL_WIDTH),
                        width: area.width + LABEL_WIDTH,
                    };
                    frame.render_widget(
                        Paragraph::new(format!("! {error}"))
                            .style(styles.warning)
                            .wrap(Wrap { trim: false }),
                        error_area,
                    );
                }
            }
            _ => {
                let Some(input) = form.input(field) else {
                    continue;
                };
                let mut shown = input.cursor.clone();
                let viewport = Viewport {
                    width: area.width.max(1),
                    height: area.height.max(1),
                };
                text_edit::ensure_visible(&input.text, &mut shown, viewport);
                let style = if focused { styles.normal } else { styles.dim };
                let position = text_edit::render(
                    &input.text,
                    &shown,
                    area,
                    frame.buffer_mut(),
                    style,
                    focused,
                );
                if focused {
                    cursor = position;
                }
                if field == FormField::Participants {
                    // The hint may wrap into the blank row below it.
                    let hint_area = Rect {
                        y: area.bottom(),
                        height: 2,
                        ..area
                    };
                    let perspectives =
                        app.frameworks
                            .get(form.framework)
                            .map_or_else(String::new, |choice| {
                                // Labels, not ids: they are in the framework's
                                // language, and the form accepts either.
                                let labels: Vec<String> = choice
                                    .framework
                                    .perspectives
                                    .iter()
                                    .map(|p| p.label.to_lowercase())
                                    .collect();
                                labels.join(" / ")
                            });
                    frame.render_widget(
                        Paragraph::new((text.form_participants_hint)(&perspectives))
                            .style(styles.dim)
                            .wrap(Wrap { trim: true }),
                        hint_area,
                    );
                }
            }
        }
    }
    cursor
}
