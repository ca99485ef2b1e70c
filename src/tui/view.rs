//! Drawing: pure functions from [`App`] to a frame, one file per screen. No
//! state changes and no IO here; the layout helpers are shared with `update`
//! so that what is drawn and what the keys act on always agree.

pub mod actions;
pub mod agenda;
mod boxed;
pub mod conflicts;
pub mod evaluated;
pub mod help;
mod hints;
pub mod many;
mod navigator;
pub mod new_scan;
pub mod overview;
pub mod projector;
mod rows;
mod scale_legend;
pub mod start;
pub mod style;
pub mod summary;
pub mod top_bar;
pub mod walkthrough;
mod widgets;
mod wrap;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::app::{App, Overlay, Screen, WalkMode};
use style::Styles;

/// Below this size the screen shows a short message instead of the app.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    if let Some(position) = paint(frame, app) {
        frame.set_cursor_position(position);
    }
}

/// Which page a frame of `app` shows: opening a page again, rows are
/// taken from its last frame (`screen/kept.rs`), the outcome screen's
/// after a look at the criteria, the criteria's after the outcome screen.
/// Only where to look for rows: a row is taken only when it is drawn the
/// same way.
pub fn page(app: &App) -> u8 {
    if is_too_small(app.size) {
        return 0;
    }
    match &app.screen {
        Screen::Start(_) => 1,
        Screen::NewScan(_) => 2,
        Screen::Overview(_) => 3,
        Screen::Walkthrough(walk) => match walk.mode {
            WalkMode::Browse | WalkMode::Editing | WalkMode::Navigator { .. } => 4,
            WalkMode::Summary { .. } => 5,
            WalkMode::Projector { .. } => 6,
            WalkMode::Actions { .. } => 7,
        },
    }
}

/// Draws the whole screen and says where the cursor goes (`None`: hidden).
pub fn paint(frame: &mut Frame, app: &App) -> Option<Position> {
    let area = frame.area();
    let styles = Styles::new(app.theme, app.colour);
    // Rows may be kept from an earlier frame, but not under what is drawn
    // over the screen afterwards: a dialog, a banner.
    crate::tui::screen::kept::allow(app.overlay.is_none() && app.banner.is_none(), styles.normal);
    // The theme's own background under everything (black for high
    // contrast); the others have none, and a fresh frame is blank already.
    if styles.normal != ratatui::style::Style::default() {
        crate::tui::text_edit::for_each_cell(frame.buffer_mut(), area, |cell| {
            cell.set_style(styles.normal);
        });
    }
    if is_too_small((area.width, area.height)) {
        widgets::too_small(frame, area, app, &styles);
        return None;
    }
    if let Screen::Walkthrough(walk) = &app.screen
        && let WalkMode::Projector { show_scores } = walk.mode
    {
        // Distraction-free: no bars, no list; overlays (help) still on top.
        projector::draw(frame, area, app, walk, show_scores, &styles);
        if let Some(overlay) = &app.overlay {
            draw_overlay(frame, area, app, overlay, &styles);
        }
        return None;
    }
    let [top, body, bottom] = bars(area);
    let cursor = match &app.screen {
        Screen::Start(start) => {
            start::draw(frame, body, app, start, &styles);
            None
        }
        Screen::NewScan(form) => new_scan::draw(frame, body, app, form, &styles),
        Screen::Overview(screen) => {
            overview::draw(frame, body, app, screen, &styles);
            None
        }
        Screen::Walkthrough(walk) if matches!(walk.mode, WalkMode::Summary { .. }) => {
            summary::draw(frame, body, app, walk, &styles);
            None
        }
        Screen::Walkthrough(walk) if matches!(walk.mode, WalkMode::Actions { .. }) => {
            actions::draw(frame, body, app, walk, &styles);
            None
        }
        Screen::Walkthrough(walk) => walkthrough::draw(frame, body, app, walk, &styles),
    };
    widgets::banner(frame, body, app, &styles);
    widgets::top_bar(frame, top, app, &styles);
    widgets::bottom_bar(frame, bottom, app, &styles);
    let overlay_cursor = app
        .overlay
        .as_ref()
        .and_then(|overlay| draw_overlay(frame, area, app, overlay, &styles));
    if app.overlay.is_some() {
        overlay_cursor
    } else {
        cursor
    }
}

fn draw_overlay(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    overlay: &Overlay,
    styles: &Styles,
) -> Option<Position> {
    match overlay {
        Overlay::Help { scroll } => {
            help::draw(frame, area, app, *scroll, styles);
            None
        }
        Overlay::ConfirmQuit => {
            widgets::confirm(frame, area, app.text.confirm_quit, app, styles);
            None
        }
        Overlay::ConfirmLeave => {
            widgets::confirm(frame, area, app.text.confirm_leave, app, styles);
            None
        }
        Overlay::OpenPath(input) => widgets::path_prompt(
            frame,
            area,
            (app.text.open_path_title, app.text.open_path_help),
            input,
            styles,
        ),
        Overlay::SaveAs(input) => widgets::path_prompt(
            frame,
            area,
            (app.text.save_as_title, app.text.save_as_help),
            input,
            styles,
        ),
        Overlay::Search { query, selected } => {
            widgets::search(frame, area, app, (query, *selected), styles)
        }
        Overlay::Locked { owner, .. } => {
            widgets::locked(frame, area, owner, app, styles);
            None
        }
        Overlay::Override(form) => widgets::override_dialog(frame, area, app, form, styles),
        Overlay::Agenda => {
            if let Some(walk) = app.walkthrough() {
                agenda::draw(frame, area, app, walk, styles);
            }
            None
        }
        Overlay::Message { title, lines } => {
            widgets::message(frame, area, title, lines, app, styles);
            None
        }
        Overlay::Previous => {
            if let Some(walk) = app.walkthrough() {
                many::draw_previous(frame, area, app, walk, styles);
            }
            None
        }
        Overlay::Conflicts { conflict, option } => {
            if let Some(walk) = app.walkthrough() {
                conflicts::draw(frame, area, app, walk, (*conflict, *option), styles);
            }
            None
        }
    }
}

/// Whether a countdown is on screen, so the driver wakes to redraw it when
/// it changes: with a scan open (every view of it shows a clock), the clock
/// not switched off in the settings, and room to draw. Otherwise the app
/// sleeps until a key.
pub fn countdown_visible(app: &App) -> bool {
    app.timebox.clock && app.walkthrough().is_some() && !is_too_small(app.size)
}

/// Seconds left on the criterion's clock as last counted, when that clock is
/// on screen (the walkthrough and the projector; the overview shows only
/// the session's).
pub fn criterion_clock_left(app: &App) -> Option<i64> {
    let walk = app.walkthrough()?;
    let shown = countdown_visible(app) && !matches!(walk.mode, WalkMode::Summary { .. });
    shown.then(|| walk.clocks().criterion_left)
}

/// The criterion's countdown in words, and whether it is over time; `None`
/// when the clock is switched off.
pub fn criterion_clock(app: &App, walk: &super::app::Walkthrough) -> Option<(String, bool)> {
    use crate::model::timebox::{Countdown, minutes_seconds};
    if !app.timebox.clock {
        return None;
    }
    let left = walk.clocks().criterion_left;
    let over = left < 0;
    let time = match Countdown::of(left) {
        Countdown::Seconds(seconds) => minutes_seconds(seconds),
        Countdown::Minutes(minutes) => (app.text.clock_minutes)(minutes),
    };
    Some(((app.text.clock_criterion)(&time, over), over))
}

/// Whether a terminal of this size only gets the "too small" message.
pub fn is_too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_WIDTH || size.1 < MIN_HEIGHT
}

/// `text` cut to `width` cells, with "…" where it was cut.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    let mut fitted = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cell = c.width().unwrap_or(0);
        if used + cell + 1 > width {
            break;
        }
        fitted.push(c);
        used += cell;
    }
    if width > 0 {
        fitted.push('…');
    }
    fitted
}

/// The top bar, the body and the bottom bar.
pub fn bars(area: Rect) -> [Rect; 3] {
    let top = Rect { height: 1, ..area };
    let bottom = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    [top, body, bottom]
}

/// The body area for a terminal of this size, for layout code shared with `update`.
pub fn body_area(size: (u16, u16)) -> Rect {
    bars(Rect::new(0, 0, size.0, size.1))[1]
}
