//! The top bar while a scan is open: the region, always whole, on the left;
//! whether the work is saved, the progress and the session's clock on the
//! right. When the bar is too narrow for everything, the less important
//! parts yield in a fixed order (the framework's title, the app's name, the
//! long form of the progress, the session clock), never the region.

use super::rows::Rows;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::style::Styles;
use crate::model::timebox::hours_minutes;
use crate::tui::app::{App, Walkthrough};

/// A framework title cut shorter than this is left out rather than shown as a stub.
const MIN_TITLE: usize = 8;

/// Room kept for whose homework it is (cut shorter when it is longer).
const MIN_HOMEWORK: usize = 28;

/// What the bar can show, most important first within each side.
pub struct ScanBar<'a> {
    pub app_name: &'a str,
    /// In a homework scan `app_name` says whose homework it is; it then
    /// stays as the region does, and the framework's title yields first.
    pub homework: bool,
    pub region: &'a str,
    pub framework: &'a str,
    /// The session's clock; `None` when the clock is switched off.
    pub session: Option<String>,
    pub progress_long: String,
    pub progress_short: String,
    pub saved: String,
}

impl ScanBar<'_> {
    /// The left and right texts for a bar `width` cells wide.
    pub fn layout(&self, width: usize) -> (String, String) {
        let region = format!(" {}", self.region);
        // Homework keeps room to say whose it is, as it keeps the region.
        let homework = if self.homework { MIN_HOMEWORK + 3 } else { 0 };
        let need = region.width() + 1 + homework;
        let session = self.session.as_deref();
        let candidates = [
            vec![session, Some(&*self.progress_long), Some(&*self.saved)],
            vec![session, Some(&*self.progress_short), Some(&*self.saved)],
            vec![Some(&*self.progress_long), Some(&*self.saved)],
            vec![Some(&*self.progress_short), Some(&*self.saved)],
            vec![Some(&*self.saved)],
        ];
        let rights = candidates.iter().map(|parts| {
            let shown: Vec<&str> = parts.iter().flatten().copied().collect();
            format!("{} ", shown.join(" · "))
        });
        let mut right = String::new();
        for candidate in rights {
            right = candidate;
            if need + right.width() <= width {
                break;
            }
        }
        let room = width.saturating_sub(right.width() + 1);
        (self.left(room), right)
    }

    /// The left text in `room` cells: the region whole whenever it fits at all.
    fn left(&self, room: usize) -> String {
        let named = format!(" {} · {}", self.app_name, self.region);
        let plain = format!(" {}", self.region);
        let starts: &[&String] = if self.homework {
            &[&named]
        } else {
            &[&named, &plain]
        };
        for start in starts {
            let full = format!("{start} · {}", self.framework);
            if full.width() <= room {
                return full;
            }
            let rest = room.saturating_sub(start.width() + 3);
            if rest >= MIN_TITLE {
                return format!("{start} · {}", super::fit(self.framework, rest));
            }
        }
        if named.width() <= room {
            named
        } else if self.homework && room.saturating_sub(plain.width() + 4) >= MIN_TITLE {
            let rest = room - plain.width() - 4;
            format!(" {} · {}", super::fit(self.app_name, rest), self.region)
        } else {
            super::fit(&plain, room)
        }
    }
}

/// Draws the bar for the open scan.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, walk: &Walkthrough, styles: &Styles) {
    let text = app.text;
    let progress = walk.scan.progress();
    // The full reason of a banner is in the bottom bar; here the badge.
    let saved = if app.banner.is_some() {
        text.not_saved_badge.to_string()
    } else if walk.read_only {
        text.read_only_badge.to_string()
    } else if walk.dirty {
        text.unsaved.to_string()
    } else if let Some(at) = walk.last_saved {
        let local = at.to_zoned_datetime(jiff::tz::TimeZone::system());
        (text.saved_at)(&local.strftime("%H:%M:%S").to_string())
    } else {
        text.no_changes.to_string()
    };
    let session = app.timebox.clock.then(|| {
        let left = walk.clocks().session_left;
        (text.clock_session)(&hours_minutes(left), left < 0)
    });
    // Homework says whose it is where the app's name would be.
    let homework = walk
        .scan
        .prepared_for
        .as_deref()
        .map(|side| (text.many.homework_line)(&walk.scan.framework.perspective_label(side)));
    let bar = ScanBar {
        app_name: homework.as_deref().unwrap_or(text.app_name),
        homework: homework.is_some(),
        region: &walk.scan.meta.region,
        framework: &walk.scan.framework.title,
        session,
        progress_long: (text.progress)(progress.answered, progress.total),
        progress_short: (text.progress_short)(progress.answered, progress.total),
        saved,
    };
    let (left, right) = bar.layout(usize::from(area.width));
    let room = usize::from(area.width).checked_sub(left.width() + right.width());
    if let Some(room) = room.filter(|room| *room > 0) {
        // One row, kept while it reads the same (every screen with a scan
        // has it): the left text, room, the right text in bold.
        let line = Line::from(vec![
            Span::raw(left),
            Span::raw(" ".repeat(room)),
            Span::styled(right, Style::new().add_modifier(Modifier::BOLD)),
        ]);
        frame.render_widget(Rows::new(line).style(styles.bar).kept(), area);
        return;
    }
    // Narrower than `layout` can make fit: each part cut in its own place.
    frame.render_widget(Rows::new("").style(styles.bar), area);
    let right_width = (right.width() as u16).min(area.width);
    let left_area = Rect {
        width: area.width.saturating_sub(right_width + 1),
        ..area
    };
    frame.render_widget(Rows::new(left).style(styles.bar), left_area);
    let right_area = Rect {
        x: area.right().saturating_sub(right_width),
        width: right_width,
        ..area
    };
    frame.render_widget(
        Rows::new(right).style(styles.bar.add_modifier(Modifier::BOLD)),
        right_area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(region: &str, session: bool) -> ScanBar<'_> {
        ScanBar {
            app_name: "zelfscan",
            homework: false,
            region,
            framework: "Zelfscan robuuste jeugdhulpregio",
            session: session.then(|| "sessie 2:36 over".to_string()),
            progress_long: "0 van 22 beantwoord".into(),
            progress_short: "0/22 beantwoord".into(),
            saved: "● niet opgeslagen".into(),
        }
    }

    #[test]
    fn homework_keeps_whose_it_is_before_the_framework_title() {
        let bar = ScanBar {
            app_name: "Huiswerk voor Aanbieders: alleen hun scores en notities",
            homework: true,
            ..bar("Regio Zilverhaven (fictief)", true)
        };
        let (left, _) = bar.layout(100);
        assert!(
            left.starts_with(" Huiswerk voor Aanbieders")
                && left.ends_with(" · Regio Zilverhaven (fictief)"),
            "{left}"
        );
        let (left, _) = bar.layout(200);
        assert!(
            left.ends_with("· Zelfscan robuuste jeugdhulpregio"),
            "{left}"
        );
    }

    #[test]
    fn the_region_stays_whole_and_the_clock_yields_first() {
        for region in [
            "Regio IJsselland",
            "Regio Zuid-Holland Zuid",
            "Holland Rijnland",
        ] {
            for width in [80, 100, 120, 200] {
                let (left, right) = bar(region, true).layout(width);
                assert!(left.contains(region), "{width}: {left:?}");
                assert!(left.width() + 1 + right.width() <= width, "{width}");
                assert!(right.contains("niet opgeslagen"));
            }
        }
        let (left, right) = bar("Regio IJsselland", true).layout(80);
        assert_eq!(left, " Regio IJsselland");
        assert_eq!(
            right,
            "sessie 2:36 over · 0 van 22 beantwoord · ● niet opgeslagen "
        );
        let (left, right) = bar("Regio Hollands Midden", true).layout(80);
        assert_eq!(left, " Regio Hollands Midden");
        assert_eq!(
            right,
            "sessie 2:36 over · 0/22 beantwoord · ● niet opgeslagen "
        );
        let (_, right) = bar("Regio Zuid-Holland Zuid en Omstreken", true).layout(80);
        assert_eq!(right, "0 van 22 beantwoord · ● niet opgeslagen ");
        let (left, right) = bar("Regio IJsselland", true).layout(200);
        assert_eq!(
            left,
            " zelfscan · Regio IJsselland · Zelfscan robuuste jeugdhulpregio"
        );
        assert!(right.starts_with("sessie 2:36 over · 0 van 22"));
    }

    #[test]
    fn without_the_clock_there_is_no_session_time() {
        let (_, right) = bar("Regio IJsselland", false).layout(120);
        assert_eq!(right, "0 van 22 beantwoord · ● niet opgeslagen ");
    }

    #[test]
    fn a_region_longer_than_the_bar_is_cut_only_then() {
        let region = "R".repeat(100);
        let (left, right) = bar(&region, true).layout(80);
        assert_eq!(right, "● niet opgeslagen ");
        assert!(left.ends_with('…'));
        assert_eq!(left.width(), 80 - right.width() - 1);
    }
}
