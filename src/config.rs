//! The user's settings (`config.toml` in the config folder): interface
//! language, colour theme, the facilitator's name, the default framework.
//! Plain data and a forgiving parser: a bad setting is explained and its
//! default used, never a reason not to start.

use std::path::Path;

/// The colour themes. Meaning never depends on colour (marks, brackets and
/// bold carry it), so every theme, and no colour at all, reads the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Light text on a dark terminal.
    #[default]
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// Bright on black, for a washed-out projector or low vision.
    HighContrast,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];

    /// The key used in `config.toml`.
    pub fn key(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|theme| theme.key() == key)
    }
}

/// The settings read from the file; `None` where the file says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// `nl` or `en`.
    pub language: Option<String>,
    pub theme: Option<ThemeName>,
    /// Prefilled as facilitator of a new scan.
    pub facilitator: Option<String>,
    /// Id of the framework a new scan starts with.
    pub default_framework: Option<String>,
    /// Minutes per criterion where the framework plans none.
    pub criterion_minutes: Option<u32>,
    /// Minutes for the whole session; else the sum of the planned time.
    pub session_minutes: Option<u32>,
    /// `false` hides the session and criterion clocks (and nothing wakes the app).
    pub clock: Option<bool>,
}

impl Settings {
    /// The timebox settings in force, with the defaults filled in.
    pub fn timebox(&self) -> crate::model::timebox::TimeboxSettings {
        let defaults = crate::model::timebox::TimeboxSettings::default();
        crate::model::timebox::TimeboxSettings {
            criterion_minutes: self.criterion_minutes.unwrap_or(defaults.criterion_minutes),
            session_minutes: self.session_minutes.or(defaults.session_minutes),
            clock: self.clock.unwrap_or(defaults.clock),
        }
    }
}

/// What is wrong in the settings file, in a form the catalogue words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingProblem {
    /// Not valid TOML, at a line and column, with the parser's own words.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A key this version does not know.
    UnknownKey(String),
    /// A value that is not allowed; `allowed` lists what is.
    BadValue { key: String, allowed: String },
    /// A value that should be text.
    NotText(String),
}

/// The name of the settings file in the config folder.
pub const FILE_NAME: &str = "config.toml";

/// Parses the settings file. Problems never stop it: a bad value is skipped.
pub fn parse(source: &str) -> (Settings, Vec<SettingProblem>) {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let table: toml::Table = match source.parse() {
        Ok(table) => table,
        Err(error) => {
            let (line, column) = error.span().map_or((1, 1), |span| {
                let before = &source[..span.start.min(source.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (line, column)
            });
            let detail = crate::storage::sanitize_for_display(error.message());
            return (
                Settings::default(),
                vec![SettingProblem::Syntax {
                    line,
                    column,
                    detail,
                }],
            );
        }
    };
    let mut settings = Settings::default();
    let mut problems = Vec::new();
    let bad = |key: &str, allowed: &str| SettingProblem::BadValue {
        key: key.to_string(),
        allowed: allowed.to_string(),
    };
    for (key, value) in &table {
        match key.as_str() {
            "schema_version" => {}
            "language" => match value.as_str() {
                Some(code @ ("nl" | "en")) => settings.language = Some(code.to_string()),
                _ => problems.push(bad(key, "\"nl\", \"en\"")),
            },
            "theme" => match value.as_str().and_then(ThemeName::from_key) {
                Some(theme) => settings.theme = Some(theme),
                None => problems.push(bad(key, "\"dark\", \"light\", \"high-contrast\"")),
            },
            "facilitator" => match value.as_str() {
                Some(name) => {
                    settings.facilitator = Some(crate::storage::sanitize_for_display(name))
                }
                None => problems.push(SettingProblem::NotText(key.clone())),
            },
            "default_framework" => match value.as_str() {
                Some(id) => settings.default_framework = Some(id.to_string()),
                None => problems.push(SettingProblem::NotText(key.clone())),
            },
            "criterion_minutes" => match minutes(value, 120) {
                Some(found) => settings.criterion_minutes = Some(found),
                None => problems.push(bad(key, "1–120")),
            },
            "session_minutes" => match minutes(value, 1440) {
                Some(found) => settings.session_minutes = Some(found),
                None => problems.push(bad(key, "1–1440")),
            },
            "clock" => match value.as_bool() {
                Some(on) => settings.clock = Some(on),
                None => problems.push(bad(key, "true, false")),
            },
            other => problems.push(SettingProblem::UnknownKey(
                crate::storage::sanitize_for_display(other),
            )),
        }
    }
    (settings, problems)
}

/// A whole number of minutes from 1 to `most`.
fn minutes(value: &toml::Value, most: u32) -> Option<u32> {
    value
        .as_integer()
        .and_then(|whole| u32::try_from(whole).ok())
        .filter(|minutes| (1..=most).contains(minutes))
}

/// Reads the settings file; a missing file is no settings and no problem.
pub fn load(path: &Path) -> (Settings, Vec<SettingProblem>) {
    match crate::storage::input::read_input(path) {
        Ok(bytes) => parse(&String::from_utf8_lossy(&bytes)),
        Err(_) => (Settings::default(), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let (settings, problems) = parse(
            "schema_version = 1\nlanguage = \"en\"\ntheme = \"high-contrast\"\n\
             facilitator = \"Anna de Vries\"\ndefault_framework = \"robuuste-jeugdhulpregio\"\n\
             criterion_minutes = 8\nsession_minutes = 210\nclock = false\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            settings,
            Settings {
                language: Some("en".into()),
                theme: Some(ThemeName::HighContrast),
                facilitator: Some("Anna de Vries".into()),
                default_framework: Some("robuuste-jeugdhulpregio".into()),
                criterion_minutes: Some(8),
                session_minutes: Some(210),
                clock: Some(false),
            }
        );
    }

    #[test]
    fn bad_values_are_explained_and_skipped_and_the_rest_is_kept() {
        let (settings, problems) =
            parse("language = \"fr\"\ntheme = \"paars\"\nfacilitator = \"Bram\"\nkleur = 3\n");
        assert_eq!(settings.language, None);
        assert_eq!(settings.theme, None);
        assert_eq!(settings.facilitator.as_deref(), Some("Bram"));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.contains(&SettingProblem::UnknownKey("kleur".into())));
    }

    #[test]
    fn minutes_must_be_whole_and_in_range() {
        let (settings, problems) = parse("criterion_minutes = 0\nsession_minutes = \"3 uur\"\n");
        assert_eq!(settings.criterion_minutes, None);
        assert_eq!(settings.session_minutes, None);
        assert_eq!(
            problems,
            vec![
                SettingProblem::BadValue {
                    key: "criterion_minutes".into(),
                    allowed: "1–120".into()
                },
                SettingProblem::BadValue {
                    key: "session_minutes".into(),
                    allowed: "1–1440".into()
                },
            ]
        );
        assert_eq!(settings.timebox().criterion_minutes, 6);
        let (settings, _) = parse("criterion_minutes = 5\n");
        assert_eq!(settings.timebox().criterion_minutes, 5);
        assert_eq!(settings.timebox().session_minutes, None);
        assert!(settings.timebox().clock, "the clock is on by default");
        let (settings, problems) = parse("clock = \"uit\"\n");
        assert!(settings.timebox().clock);
        assert_eq!(
            problems,
            vec![SettingProblem::BadValue {
                key: "clock".into(),
                allowed: "true, false".into()
            }]
        );
    }

    #[test]
    fn a_syntax_error_gives_its_place_and_all_defaults() {
        let (settings, problems) = parse("theme = \"dark\"\nlanguage = \n");
        assert_eq!(settings, Settings::default());
        assert!(
            matches!(
                problems.as_slice(),
                [SettingProblem::Syntax { line: 2, .. }]
            ),
            "{problems:?}"
        );
    }
}
