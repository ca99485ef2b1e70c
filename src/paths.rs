//! Where zelfscan keeps things: the default folder for scans, user frameworks,
//! the list of recent scans. `ZELFSCAN_HOME` redirects every one of them, so
//! tests (and a facilitator who wants everything on a USB stick) never touch the
//! real home directory.

use std::path::{Path, PathBuf};

/// Environment variable that redirects every directory zelfscan uses.
pub const HOME_ENV: &str = "ZELFSCAN_HOME";

/// The directories in force for this run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// Where new scans are saved unless the user says otherwise; shown in the app.
    pub scans_dir: PathBuf,
    /// Holds `frameworks/` and (later) the config file.
    pub config_dir: PathBuf,
    /// Holds the list of recent scans.
    pub data_dir: PathBuf,
}

impl Paths {
    /// The directories from the environment: `ZELFSCAN_HOME` if set, else the
    /// platform's usual places (Documents/zelfscan for scans, so they are easy to find).
    pub fn from_env() -> Self {
        match std::env::var_os(HOME_ENV) {
            Some(home) if !home.is_empty() => Self::under(Path::new(&home)),
            _ => Self::platform(),
        }
    }

    /// Everything below one folder.
    pub fn under(home: &Path) -> Self {
        Self {
            scans_dir: home.join("scans"),
            config_dir: home.join("config"),
            data_dir: home.join("data"),
        }
    }

    fn platform() -> Self {
        let project = directories::ProjectDirs::from("nl", "zelfscan", "zelfscan");
        let user = directories::UserDirs::new();
        let home = user
            .as_ref()
            .map_or_else(|| PathBuf::from("."), |dirs| dirs.home_dir().to_path_buf());
        let scans_dir = user
            .as_ref()
            .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
            .unwrap_or_else(|| home.clone())
            .join("zelfscan");
        match project {
            Some(project) => Self {
                scans_dir,
                config_dir: project.config_dir().to_path_buf(),
                data_dir: project.data_dir().to_path_buf(),
            },
            None => Self::under(&home.join(".zelfscan")),
        }
    }

    /// Where users put their own framework files.
    pub fn frameworks_dir(&self) -> PathBuf {
        self.config_dir.join("frameworks")
    }

    /// The user's settings (`config.toml`).
    pub fn settings_file(&self) -> PathBuf {
        self.config_dir.join(crate::config::FILE_NAME)
    }

    /// The list of recently opened scans.
    pub fn recent_file(&self) -> PathBuf {
        self.data_dir.join("recent.toml")
    }
}
