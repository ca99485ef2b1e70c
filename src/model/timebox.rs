//! Timeboxes: the time planned for each criterion and for the session, the
//! time used while a scan is open, and how far ahead or behind the room is.
//! Plain data and arithmetic in whole seconds; the interface feeds it the
//! clock, so everything here is testable with made-up times.

use jiff::Timestamp;

use super::Framework;

/// Minutes per criterion when neither the framework nor the settings say.
pub const DEFAULT_CRITERION_MINUTES: u32 = 6;
/// A pause between two events longer than this is not counted: the laptop
/// slept, or the terminal was suspended. On screen the clock wakes the app
/// at least once a minute, so a real gap this long is never a discussion.
pub const IGNORE_GAP_OVER_SECONDS: i64 = 5 * 60;
/// Running behind is mentioned from this much on; a minute or two is noise.
pub const BEHIND_AFTER_SECONDS: i64 = 3 * 60;

/// What the settings file says about time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeboxSettings {
    /// For criteria the framework plans no time for.
    pub criterion_minutes: u32,
    /// The whole session; `None` = the sum of the planned criteria.
    pub session_minutes: Option<u32>,
    /// Show the clocks (and wake to redraw them); off = no clock on screen.
    pub clock: bool,
}

impl Default for TimeboxSettings {
    fn default() -> Self {
        Self {
            criterion_minutes: DEFAULT_CRITERION_MINUTES,
            session_minutes: None,
            clock: true,
        }
    }
}

/// The time planned, in seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Per criterion, in walk order.
    pub per_criterion: Vec<u32>,
    pub session: u32,
}

impl Plan {
    /// A criterion's own `minutes` first; else its share of its theme's
    /// `minutes` (what the theme's other criteria do not plan themselves,
    /// spread evenly); else the settings' minutes per criterion.
    pub fn new(framework: &Framework, settings: TimeboxSettings) -> Self {
        let mut per_criterion = Vec::new();
        for theme in &framework.themes {
            let planned_own: u32 = theme.criteria.iter().filter_map(|c| c.minutes).sum();
            let without = theme
                .criteria
                .iter()
                .filter(|c| c.minutes.is_none())
                .count() as u32;
            let share = theme
                .minutes
                .map(|minutes| minutes.saturating_sub(planned_own) * 60 / without.max(1));
            for criterion in &theme.criteria {
                per_criterion.push(match (criterion.minutes, share) {
                    (Some(minutes), _) => minutes * 60,
                    (None, Some(share)) => share,
                    (None, None) => settings.criterion_minutes * 60,
                });
            }
        }
        let session = settings
            .session_minutes
            .map_or_else(|| per_criterion.iter().sum(), |minutes| minutes * 60);
        Self {
            per_criterion,
            session,
        }
    }

    /// The planned seconds of the criteria at these walk positions.
    pub fn sum(&self, range: std::ops::Range<usize>) -> u32 {
        self.per_criterion.get(range).map_or(0, |s| s.iter().sum())
    }
}

/// The time used since the scan was opened, in seconds. Not saved: it
/// belongs to this sitting, not to the scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeUsed {
    pub per_criterion: Vec<u32>,
    pub session: u32,
    /// The moment up to which time has been counted.
    pub counted_until: Timestamp,
}

impl TimeUsed {
    pub fn new(criteria: usize, now: Timestamp) -> Self {
        Self {
            per_criterion: vec![0; criteria],
            session: 0,
            counted_until: now,
        }
    }

    /// Counts the time since the last call to the session and to the
    /// criterion on screen (`None` when none is, e.g. on the overview).
    /// A gap longer than [`IGNORE_GAP_OVER_SECONDS`] and a clock that went
    /// backwards count nothing.
    pub fn record(&mut self, now: Timestamp, on_screen: Option<usize>) {
        let gap = now.as_second() - self.counted_until.as_second();
        self.counted_until = now;
        if !(1..=IGNORE_GAP_OVER_SECONDS).contains(&gap) {
            return;
        }
        let gap = gap as u32;
        self.session += gap;
        if let Some(used) = on_screen.and_then(|index| self.per_criterion.get_mut(index)) {
            *used += gap;
        }
    }
}

/// What the clocks on screen say, in seconds; negative = over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clocks {
    pub criterion_left: i64,
    pub session_left: i64,
    /// How far behind plan the room is, when more than a few minutes.
    pub behind: Option<i64>,
}

/// The clocks for the criterion at `current`. `done(i)` says whether the
/// criterion at walk position `i` has been dealt with (answered or parked).
/// Behind plan = the session's time used minus what was planned for the
/// criteria dealt with in this sitting, and for the current one as far as
/// it has used its time.
pub fn clocks(
    plan: &Plan,
    used: &TimeUsed,
    current: usize,
    done: impl Fn(usize) -> bool,
) -> Clocks {
    let planned = |index: usize| i64::from(plan.per_criterion.get(index).copied().unwrap_or(0));
    let spent = |index: usize| i64::from(used.per_criterion.get(index).copied().unwrap_or(0));
    let earned: i64 = (0..used.per_criterion.len())
        .filter(|index| *index != current && spent(*index) > 0 && done(*index))
        .map(planned)
        .sum::<i64>()
        + spent(current).min(planned(current));
    let slip = i64::from(used.session) - earned;
    Clocks {
        criterion_left: planned(current) - spent(current),
        session_left: i64::from(plan.session) - i64::from(used.session),
        behind: (slip > BEHIND_AFTER_SECONDS).then_some(slip),
    }
}

/// Seconds as `m:ss` (`1:05`), or `h:mm:ss` from an hour on; the sign is dropped.
pub fn minutes_seconds(seconds: i64) -> String {
    let seconds = seconds.unsigned_abs();
    if seconds >= 3600 {
        format!(
            "{}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    } else {
        format!("{}:{:02}", seconds / 60, seconds % 60)
    }
}

/// The criterion's countdown shows seconds only in its last minute.
pub const SECONDS_SHOWN_FROM: i64 = 60;

/// What the criterion's clock shows for `left` seconds (negative = over
/// time): whole minutes, rounded up, so the face changes once a minute and an
/// idle app need not wake more often; `m:ss` in the last minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countdown {
    Minutes(i64),
    Seconds(i64),
}

impl Countdown {
    pub fn of(left: i64) -> Self {
        if (0..=SECONDS_SHOWN_FROM).contains(&left) {
            Countdown::Seconds(left)
        } else {
            // Rounded up, away from zero: "5 min" until 4:00 is reached,
            // "+1 min" as soon as the time is up.
            Countdown::Minutes((left.unsigned_abs() as i64 + 59) / 60)
        }
    }
}

/// Seconds as `h:mm` (`1:52`), whole minutes rounded down; the sign is dropped.
pub fn hours_minutes(seconds: i64) -> String {
    let minutes = seconds.unsigned_abs() / 60;
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// Seconds as whole minutes, rounded to the nearest.
pub fn whole_minutes(seconds: i64) -> i64 {
    (seconds + 30).div_euclid(60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + seconds).expect("time")
    }

    #[test]
    fn time_goes_to_the_criterion_on_screen_and_a_long_gap_is_ignored() {
        let mut used = TimeUsed::new(3, at(0));
        used.record(at(40), Some(0));
        used.record(at(100), Some(1));
        used.record(at(100 + 3600), Some(1));
        used.record(at(3710), None);
        used.record(at(3700), Some(2));
        assert_eq!(used.per_criterion, vec![40, 60, 0]);
        assert_eq!(used.session, 110);
    }

    #[test]
    fn clocks_count_down_and_say_when_behind() {
        let plan = Plan {
            per_criterion: vec![360, 360, 360],
            session: 1080,
        };
        let mut used = TimeUsed::new(3, at(0));
        used.per_criterion = vec![600, 0, 0];
        used.session = 600;
        let ahead = clocks(&plan, &used, 0, |_| false);
        assert_eq!(ahead.criterion_left, -240);
        assert_eq!(ahead.session_left, 480);
        assert_eq!(ahead.behind, Some(240));
        // Done with the first: its plan is earned, the rest is slip.
        used.per_criterion = vec![600, 60, 0];
        used.session = 660;
        let next = clocks(&plan, &used, 1, |index| index == 0);
        assert_eq!(next.criterion_left, 300);
        assert_eq!(next.behind, Some(240));
        // Two minutes late is not worth a word.
        used.per_criterion = vec![480, 60, 0];
        used.session = 540;
        assert_eq!(clocks(&plan, &used, 1, |index| index == 0).behind, None);
    }

    #[test]
    fn the_countdown_shows_whole_minutes_and_seconds_only_in_the_last_minute() {
        assert_eq!(Countdown::of(300), Countdown::Minutes(5));
        assert_eq!(Countdown::of(241), Countdown::Minutes(5));
        assert_eq!(Countdown::of(240), Countdown::Minutes(4));
        assert_eq!(Countdown::of(61), Countdown::Minutes(2));
        assert_eq!(Countdown::of(60), Countdown::Seconds(60));
        assert_eq!(Countdown::of(0), Countdown::Seconds(0));
        assert_eq!(Countdown::of(-1), Countdown::Minutes(1));
        assert_eq!(Countdown::of(-61), Countdown::Minutes(2));
    }

    #[test]
    fn clock_texts() {
        assert_eq!(minutes_seconds(252), "4:12");
        assert_eq!(minutes_seconds(-65), "1:05");
        assert_eq!(minutes_seconds(3725), "1:02:05");
        assert_eq!(hours_minutes(6720), "1:52");
        assert_eq!(whole_minutes(479), 8);
    }
}
