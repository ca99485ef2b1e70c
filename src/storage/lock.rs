//! One writer per scan. The running zelfscan holds an OS lock on
//! `.<name>.lock` for as long as the scan is open; the OS releases it when the
//! process ends in any way, so a lock left by a crashed or killed zelfscan is
//! simply free again (taken over), on every platform. Who holds it (user,
//! computer, process, since when) is written to `.<name>.owner`, a separate
//! file because Windows does not let others read a locked file.
//! Locks are unreliable on some network drives; the outside-change check at
//! every save is the second line of defence.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use super::journal::hidden_sibling;

/// Who has a scan open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// When they opened it, as an RFC 3339 timestamp.
    pub since: String,
}

impl Owner {
    /// This process.
    pub fn me(now: jiff::Timestamp) -> Self {
        let user = ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
            .unwrap_or_default();
        Self {
            user,
            host: host_name(),
            pid: std::process::id(),
            since: now.to_string(),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "user = {}\nhost = {}\npid = {}\nsince = {}\n",
            self.user, self.host, self.pid, self.since
        )
    }

    fn from_text(text: &str) -> Self {
        let field = |name: &str| {
            text.lines()
                .find_map(|line| line.strip_prefix(name)?.strip_prefix(" = "))
                .map(|value| super::sanitize_for_display(value.trim()))
                .unwrap_or_default()
        };
        Self {
            user: field("user"),
            host: field("host"),
            pid: field("pid").parse().unwrap_or(0),
            since: field("since"),
        }
    }
}

fn host_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .or_else(|| {
            ["HOSTNAME", "COMPUTERNAME", "HOST"]
                .iter()
                .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        })
        .unwrap_or_default()
}

/// The held lock of an open scan; released (and its files removed) on drop.
#[derive(Debug)]
pub struct OwnerLock {
    file: File,
    lock_path: PathBuf,
    owner_path: PathBuf,
}

/// What trying to take the lock gave.
#[derive(Debug)]
pub enum LockOutcome {
    /// Ours now; `taken_over` names the previous owner whose process is gone.
    Acquired {
        lock: OwnerLock,
        taken_over: Option<Owner>,
    },
    /// Someone else has the scan open right now.
    HeldBy(Owner),
}

/// Takes the lock of a scan for `me`, and says so in the owner file.
pub fn acquire(scan: &Path, me: &Owner) -> io::Result<LockOutcome> {
    let outcome = acquire_quietly(scan, me)?;
    if let LockOutcome::Acquired { lock, .. } = &outcome {
        lock.write_owner(me);
    }
    Ok(outcome)
}

impl OwnerLock {
    /// Writes who holds the lock, for a second opener to read. Informative
    /// only (the lock itself is what excludes), so a failure is ignored; it
    /// costs two fsyncs, which is why opening does it after the first frame.
    pub fn write_owner(&self, me: &Owner) {
        let _ = super::save::write_atomic(&self.owner_path, me.to_text().as_bytes());
    }
}

/// Takes the lock of a scan for `me` without writing the owner file yet;
/// call [`OwnerLock::write_owner`] soon after.
pub fn acquire_quietly(scan: &Path, me: &Owner) -> io::Result<LockOutcome> {
    let lock_path = hidden_sibling(scan, "lock");
    let owner_path = hidden_sibling(scan, "owner");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&lock_path)?;
    let previous = super::input::read_input(&owner_path)
        .ok()
        .map(|bytes| Owner::from_text(&String::from_utf8_lossy(&bytes)));
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            return Ok(LockOutcome::HeldBy(previous.unwrap_or_else(|| Owner {
                user: String::new(),
                host: String::new(),
                pid: 0,
                since: String::new(),
            })));
        }
        Err(TryLockError::Error(error)) => return Err(error),
    }
    let taken_over = previous.filter(|owner| owner.pid != me.pid || owner.host != me.host);
    Ok(LockOutcome::Acquired {
        lock: OwnerLock {
            file,
            lock_path,
            owner_path,
        },
        taken_over,
    })
}

impl Drop for OwnerLock {
    fn drop(&mut self) {
        // Remove the owner file first, so nobody reads a stale owner of a free lock.
        let _ = std::fs::remove_file(&self.owner_path);
        let _ = std::fs::remove_file(&self.lock_path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owner(pid: u32) -> Owner {
        Owner {
            user: "anna".into(),
            host: "laptop".into(),
            pid,
            since: "2026-11-25T10:00:00Z".into(),
        }
    }

    #[test]
    fn a_second_opener_is_told_who_has_it_and_gets_it_after_release() {
        let dir = tempfile::tempdir().expect("temp dir");
        let scan = dir.path().join("scan.toml");
        let LockOutcome::Acquired { lock, taken_over } = acquire(&scan, &owner(1)).expect("first")
        else {
            panic!("first opener gets the lock")
        };
        assert_eq!(taken_over, None);
        match acquire(&scan, &owner(2)).expect("second") {
            LockOutcome::HeldBy(holder) => assert_eq!(holder, owner(1)),
            LockOutcome::Acquired { .. } => panic!("must be refused"),
        }
        drop(lock);
        assert!(matches!(
            acquire(&scan, &owner(2)).expect("third"),
            LockOutcome::Acquired {
                taken_over: None,
                ..
            }
        ));
    }

    #[test]
    fn an_owner_file_left_by_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().expect("temp dir");
        let scan = dir.path().join("scan.toml");
        // What a killed zelfscan leaves: both files, but no OS lock.
        std::fs::write(hidden_sibling(&scan, "lock"), "").expect("lock file");
        std::fs::write(hidden_sibling(&scan, "owner"), owner(77).to_text()).expect("owner");
        match acquire(&scan, &owner(2)).expect("acquire") {
            LockOutcome::Acquired { taken_over, .. } => assert_eq!(taken_over, Some(owner(77))),
            LockOutcome::HeldBy(_) => panic!("a dead owner does not hold the lock"),
        }
    }
}
