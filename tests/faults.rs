//! The fault table: one test per thing that goes wrong in a real workshop,
//! each checking the Dutch message a facilitator sees and the bytes of the
//! scan file afterwards. The real binary runs in a pseudo-terminal at 80×24.
//!
//! Disk full and a read-only drive need a small tmpfs (root ignores file
//! permissions); where `mount` is not allowed the test says why and skips.

mod support;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::pty::{Key, Session, TIMEOUT};
use zelfscan::model::Answer;
use zelfscan::storage::journal::journal_path;
use zelfscan::storage::load_scan;

const BIN: &str = env!("CARGO_BIN_EXE_zelfscan");
const BROWSE_HINT: &str = "n/PgDn volgende";
const EDIT_HINT: &str = "Esc klaar";

fn new_scan(home: &Path, path: &Path) -> PathBuf {
    let output = Command::new(BIN)
        .args(["new", "--region", "Foutregio", "--no-open", "--output"])
        .arg(path)
        .env("ZELFSCAN_HOME", home)
        .output()
        .expect("run zelfscan new");
    assert!(output.status.success(), "zelfscan new failed: {output:?}");
    path.to_path_buf()
}

fn open(home: &Path, scan: &Path) -> Session {
    open_sized(home, scan, 80, 24)
}

fn open_sized(home: &Path, scan: &Path, cols: u16, rows: u16) -> Session {
    Session::spawn(
        BIN,
        &[OsStr::new("open"), scan.as_os_str()],
        &[("ZELFSCAN_HOME", home.as_os_str())],
        cols,
        rows,
    )
    .expect("start zelfscan")
}

fn wait(session: &Session, text: &str) -> String {
    session
        .wait_for(text, TIMEOUT)
        .unwrap_or_else(|error| panic!("{error}"))
}

fn wait_absent(session: &Session, text: &str) {
    session
        .wait_for_absent(text, TIMEOUT)
        .unwrap_or_else(|error| panic!("{error}"));
}

/// From the first field of a criterion: Tab to the Gemeenten note, type
/// `text` (one line), wait until it is shown, and stop typing.
fn type_first_note(session: &mut Session, text: &str) {
    session.send_key(Key::Tab);
    session.send_key(Key::Enter);
    wait(session, EDIT_HINT);
    session.send(text);
    wait(session, text);
    session.send_key(Key::Esc);
    wait(session, BROWSE_HINT);
}

/// With the Gemeenten note focused (after [`type_first_note`]): type more at its end.
fn type_more(session: &mut Session, text: &str, shown: &str) {
    session.send_key(Key::Enter);
    wait(session, EDIT_HINT);
    session.send(text);
    wait(session, shown);
    session.send_key(Key::Esc);
    wait(session, BROWSE_HINT);
}

fn quit(session: &mut Session) {
    session.send("q");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert_eq!(status.exit_code(), 0, "{status:?}");
}

fn first_note(path: &Path) -> String {
    load_scan(path)
        .unwrap_or_else(|error| panic!("{} does not load: {error:?}", path.display()))
        .value
        .answers[0]
        .perspectives[0]
        .note
        .clone()
}

fn top_bar(session: &Session) -> String {
    session
        .screen()
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

// ------------------------------------------------------------ second instance

#[test]
fn a_second_instance_is_told_who_has_the_scan_and_can_read_or_copy() {
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path(), &home.path().join("gedeeld.toml"));
    let mut first = open(home.path(), &scan);
    wait(&first, "VIS-1 · ");
    type_first_note(&mut first, "Eerste één");
    let first_pid = first.pid().expect("pid");
    let before = std::fs::read(&scan).expect("read");

    // Read only: the first instance's journaled words are shown; nothing changes.
    let mut second = open(home.path(), &scan);
    wait(&second, "Scan is al geopend");
    wait(&second, "(proces");
    wait(&second, &first_pid.to_string());
    second.send("l");
    wait(&second, "ALLEEN LEZEN");
    wait(&second, "Eerste één");
    second.send("3");
    wait(&second, "Alleen lezen: deze scan is elders geopend");
    assert!(top_bar(&second).contains("ALLEEN LEZEN"));
    quit(&mut second);
    assert_eq!(
        std::fs::read(&scan).expect("read"),
        before,
        "file unchanged"
    );
    assert!(
        journal_path(&scan).exists(),
        "the first instance's journal is left alone"
    );

    // A copy: holds the first instance's latest words and is editable.
    let mut third = open(home.path(), &scan);
    wait(&third, "Scan is al geopend");
    third.send("k");
    wait(&third, "VIS-1 · ");
    wait(&third, "Eerste één");
    let copy = home.path().join("gedeeld (kopie).toml");
    assert!(copy.exists(), "no copy at {}", copy.display());
    assert!(!top_bar(&third).contains("ALLEEN LEZEN"));
    // The copy opens on the Gemeenten score.
    third.send("2");
    wait(&third, "niet opgeslagen");
    third.send_key(Key::Ctrl('s'));
    wait(&third, "Opgeslagen");
    quit(&mut third);
    let copied = load_scan(&copy).expect("copy loads").value;
    assert_eq!(copied.answers[0].perspectives[0].note, "Eerste één");
    assert_eq!(
        copied.answers[0].perspectives[0].score,
        Some(Answer::Score(2))
    );
    assert_eq!(
        std::fs::read(&scan).expect("read"),
        before,
        "original unchanged"
    );

    // The first instance saves its own work into the original.
    first.send_key(Key::Ctrl('s'));
    wait(&first, "Opgeslagen");
    quit(&mut first);
    assert_eq!(first_note(&scan), "Eerste één");
}

#[test]
fn a_lock_left_by_a_killed_instance_is_taken_over_silently() {
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path(), &home.path().join("verweesd.toml"));
    let mut first = open(home.path(), &scan);
    wait(&first, "VIS-1 · ");
    type_first_note(&mut first, "voor de crash");
    first.signal("KILL").expect("kill");
    first.wait_exit(TIMEOUT).expect("killed");
    let owner = scan.with_file_name(".verweesd.toml.owner");
    assert!(owner.exists(), "a killed instance leaves its owner file");
    assert!(scan.with_file_name(".verweesd.toml.lock").exists());

    let mut second = open(home.path(), &scan);
    wait(&second, "Werk hersteld");
    assert!(!second.screen().contains("Scan is al geopend"));
    second.send_key(Key::Enter);
    wait_absent(&second, "Werk hersteld");
    let pid = second.pid().expect("pid");
    let owner_text = std::fs::read_to_string(&owner).expect("owner file");
    assert!(owner_text.contains(&format!("pid = {pid}")), "{owner_text}");
    wait(&second, "voor de crash");
    second.send_key(Key::Ctrl('s'));
    wait(&second, "Opgeslagen");
    quit(&mut second);
    assert_eq!(first_note(&scan), "voor de crash");
}

// ------------------------------------------------------------ outside change

#[test]
fn a_file_changed_on_disk_is_not_overwritten_the_work_goes_to_a_conflict_copy() {
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path(), &home.path().join("regio.toml"));
    let mut session = open(home.path(), &scan);
    wait(&session, "VIS-1 · ");
    type_first_note(&mut session, "getypt tijdens het gesprek €");
    let outside = std::fs::read_to_string(&scan)
        .expect("read")
        .replace("region = \"Foutregio\"", "region = \"Elders bewerkt\"");
    assert!(outside.contains("Elders bewerkt"));
    std::fs::write(&scan, &outside).expect("outside change");

    session.send_key(Key::Ctrl('s'));
    wait(&session, "Bestand elders gewijzigd");
    let conflict = home.path().join("regio (conflict).toml");
    wait(&session, "(conflict).toml");
    session.send_key(Key::Enter);
    wait_absent(&session, "Bestand elders gewijzigd");
    quit(&mut session);
    assert_eq!(
        std::fs::read(&scan).expect("read"),
        outside.as_bytes(),
        "the outside change is kept byte for byte"
    );
    assert_eq!(first_note(&conflict), "getypt tijdens het gesprek €");
}

// ------------------------------------------------------------ full or read-only drive

/// A small tmpfs, unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size`, or says why it cannot.
    fn mount(size: &str) -> Result<Self, String> {
        let dir = tempfile::tempdir().map_err(|error| error.to_string())?;
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .map_err(|error| format!("cannot run mount: {error}"))?;
        if output.status.success() {
            Ok(Self { dir })
        } else {
            Err(format!(
                "mount -t tmpfs failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, mode: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(self.path())
            .status()
            .expect("run mount");
        assert!(status.success(), "remount {mode} failed");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

fn tmpfs_or_skip(test: &str) -> Option<Tmpfs> {
    match Tmpfs::mount("256k") {
        Ok(tmpfs) => Some(tmpfs),
        Err(why) => {
            eprintln!("SKIPPED {test}: {why}");
            None
        }
    }
}

/// Fills the file system at `dir` with one file until writing fails.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write;
    let filler = dir.join("vol");
    let mut file = std::fs::File::create(&filler).expect("filler");
    let block = vec![b'x'; 4096];
    while file.write_all(&block).is_ok() {}
    let _ = file.sync_all();
    filler
}

#[test]
fn a_full_disk_keeps_a_banner_and_every_word_until_there_is_room() {
    let Some(tmpfs) = tmpfs_or_skip("disk full") else {
        return;
    };
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path(), &tmpfs.path().join("vol.toml"));
    let mut session = open(home.path(), &scan);
    wait(&session, "VIS-1 · ");
    type_first_note(&mut session, "eerst");
    session.send_key(Key::Ctrl('s'));
    wait(&session, "Opgeslagen");
    let before = std::fs::read(&scan).expect("read");

    let filler = fill(tmpfs.path());
    type_more(&mut session, " daarna, vol € ë", "eerst daarna, vol € ë");
    session.send_key(Key::Ctrl('s'));
    wait(&session, "NIET opgeslagen");
    assert!(
        top_bar(&session).contains("NIET opgeslagen"),
        "{}",
        session.screen()
    );
    // Editing goes on, and the banner stays.
    type_more(&mut session, " en meer", "eerst daarna, vol € ë en meer");
    assert!(top_bar(&session).contains("NIET opgeslagen"));
    assert_eq!(
        std::fs::read(&scan).expect("read"),
        before,
        "the old file is intact"
    );
    assert!(load_scan(&scan).is_ok());

    std::fs::remove_file(&filler).expect("make room");
    session.send_key(Key::Ctrl('s'));
    wait(&session, "Opgeslagen in");
    wait_absent(&session, "NIET opgeslagen");
    quit(&mut session);
    assert_eq!(first_note(&scan), "eerst daarna, vol € ë en meer");
}

#[test]
fn after_a_full_disk_is_freed_a_kill_still_loses_nothing() {
    let Some(tmpfs) = tmpfs_or_skip("disk full, then kill") else {
        return;
    };
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path(), &tmpfs.path().join("vol.toml"));
    let mut session = open(home.path(), &scan);
    wait(&session, "VIS-1 · ");
    type_first_note(&mut session, "a");
    let filler = fill(tmpfs.path());
    // These edits do not fit in the journal…
    type_more(&mut session, "bcdefghij", "abcdefghij");
    std::fs::remove_file(&filler).expect("make room");
    // …these do again; then the process is killed before any save.
    type_more(&mut session, "klm", "abcdefghijklm");
    session.signal("KILL").expect("kill");
    session.wait_exit(TIMEOUT).expect("killed");
    let recovered = zelfscan::storage::recovery::open_with_journal(&scan, true)
        .expect("open with journal")
        .loaded
        .value;
    assert_eq!(
        recovered.answers[0].perspectives[0].note, "abcdefghijklm",
        "words shown after the disk was freed must survive a kill"
    );
}

/// A folder that becomes read-only mid-session. A remount of a tmpfs to
/// read-only is refused while zelfscan holds its journal and lock open for
/// writing (EBUSY), so zelfscan runs as the unprivileged user `nobody`
/// (`setpriv`), for whom `chmod` counts.
#[cfg(unix)]
#[test]
fn a_folder_that_becomes_read_only_keeps_a_banner_and_every_word() {
    use std::os::unix::fs::{PermissionsExt, chown};
    const NOBODY: u32 = 65534;
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join("gedeelde map");
    std::fs::create_dir(&dir).expect("dir");
    let scan = new_scan(home.path(), &dir.join("alleen lezen.toml"));
    for path in [home.path(), dir.as_path(), scan.as_path()] {
        if let Err(error) = chown(path, Some(NOBODY), Some(NOBODY)) {
            eprintln!("SKIPPED read-only folder: cannot chown to nobody ({error}); not root?");
            return;
        }
    }
    let works = Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            BIN,
            "--help",
        ])
        .output()
        .is_ok_and(|output| output.status.success());
    if !works {
        eprintln!("SKIPPED read-only folder: setpriv cannot run zelfscan as nobody");
        return;
    }
    let mut session = Session::spawn(
        "setpriv",
        &[
            OsStr::new("--reuid=65534"),
            OsStr::new("--regid=65534"),
            OsStr::new("--clear-groups"),
            OsStr::new(BIN),
            OsStr::new("open"),
            scan.as_os_str(),
        ],
        &[("ZELFSCAN_HOME", home.path().as_os_str())],
        80,
        24,
    )
    .expect("start zelfscan");
    wait(&session, "VIS-1 · ");
    type_first_note(&mut session, "voor");
    session.send_key(Key::Ctrl('s'));
    wait(&session, "Opgeslagen");
    let before = std::fs::read(&scan).expect("read");

    let set_mode = |mode: u32| {
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    set_mode(0o555);
    type_more(&mut session, " en na één", "voor en na één");
    session.send_key(Key::Ctrl('s'));
    wait(&session, "NIET opgeslagen");
    assert!(top_bar(&session).contains("NIET opgeslagen"));
    type_more(&mut session, " €", "voor en na één €");
    assert!(top_bar(&session).contains("NIET opgeslagen"));
    assert_eq!(
        std::fs::read(&scan).expect("read"),
        before,
        "old file intact"
    );

    set_mode(0o755);
    session.send_key(Key::Ctrl('s'));
    wait(&session, "Opgeslagen in");
    wait_absent(&session, "NIET opgeslagen");
    quit(&mut session);
    assert_eq!(first_note(&scan), "voor en na één €");
}

/// A scan on a read-only drive (a locked USB stick, a read-only share): it
/// opens, the banner says nothing can be kept there, typing continues in
/// memory, and `w` (save as) rescues the work to a writable place. The file
/// on the read-only drive is never touched.
#[test]
fn a_scan_on_a_read_only_drive_opens_and_save_as_rescues_the_work() {
    let Some(tmpfs) = tmpfs_or_skip("read-only drive") else {
        return;
    };
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path(), &tmpfs.path().join("stick.toml"));
    tmpfs.remount("ro");
    let before = std::fs::read(&scan).expect("read");
    let mut session = open(home.path(), &scan);
    wait(&session, "VIS-1 · ");
    // The banner names the problem (waited for: the frame may still be arriving).
    wait(&session, "de schijf is alleen-lezen");
    assert!(top_bar(&session).contains("NIET opgeslagen"));
    type_first_note(&mut session, "gered van de stick");
    // Save as: clear the suggested path, type one in a writable folder.
    let rescued = home.path().join("gered.toml");
    session.send("w");
    wait(&session, "Opslaan als");
    for _ in 0..(scan.display().to_string().chars().count() + 5) {
        session.send_key(Key::Backspace);
    }
    session.send(&rescued.display().to_string());
    wait(&session, "gered.toml");
    session.send_key(Key::Enter);
    wait(&session, "Opgeslagen");
    quit(&mut session);
    assert_eq!(first_note(&rescued), "gered van de stick");
    assert_eq!(
        std::fs::read(&scan).expect("read"),
        before,
        "the read-only file is untouched"
    );
}

// ------------------------------------------------------------ hostile paths and sizes

#[test]
fn a_path_with_spaces_and_unicode_opens_and_saves() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join("map met spaties ë");
    std::fs::create_dir(&dir).expect("dir");
    let scan = new_scan(home.path(), &dir.join("Zoë's scan € 1.toml"));
    let mut session = open(home.path(), &scan);
    wait(&session, "VIS-1 · ");
    type_first_note(&mut session, "pad met ë");
    session.send_key(Key::Ctrl('s'));
    wait(&session, "Opgeslagen");
    quit(&mut session);
    assert_eq!(first_note(&scan), "pad met ë");
}

#[cfg(unix)]
#[test]
fn a_symlinked_scan_stays_a_symlink_and_its_target_gets_the_work() {
    let home = tempfile::tempdir().expect("temp dir");
    let real_dir = home.path().join("echt");
    std::fs::create_dir(&real_dir).expect("dir");
    let target = new_scan(home.path(), &real_dir.join("scan.toml"));
    let link = home.path().join("snelkoppeling.toml");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let mut session = open(home.path(), &link);
    wait(&session, "VIS-1 · ");
    type_first_note(&mut session, "via de link");
    session.send_key(Key::Ctrl('s'));
    wait(&session, "Opgeslagen");
    quit(&mut session);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(first_note(&target), "via de link");
}

#[test]
fn a_directory_given_as_scan_is_a_clear_error_with_exit_2() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join("een map.toml");
    std::fs::create_dir(&dir).expect("dir");
    let output = Command::new(BIN)
        .arg("open")
        .arg(&dir)
        .env("ZELFSCAN_HOME", home.path())
        .output()
        .expect("run zelfscan");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("dit is een map, geen bestand"), "{stderr}");
    assert!(stderr.contains("een map.toml"), "{stderr}");
    assert_eq!(
        std::fs::read_dir(&dir).expect("dir").count(),
        0,
        "nothing written into it"
    );
}

#[test]
fn a_terminal_resized_to_20x5_mid_typing_loses_nothing() {
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path(), &home.path().join("klein.toml"));
    let mut session = open(home.path(), &scan);
    wait(&session, "VIS-1 · ");
    session.send_key(Key::Tab);
    session.send_key(Key::Enter);
    wait(&session, EDIT_HINT);
    session.send("voor het krimpen");
    wait(&session, "voor het krimpen");
    session.resize(20, 5).expect("resize");
    wait(&session, "klein");
    session.resize(80, 24).expect("resize");
    wait(&session, "voor het krimpen");
    session.send(" en erna");
    wait(&session, "voor het krimpen en erna");
    session.send_key(Key::Esc);
    wait(&session, BROWSE_HINT);
    session.send_key(Key::Ctrl('s'));
    wait(&session, "Opgeslagen");
    quit(&mut session);
    assert_eq!(first_note(&scan), "voor het krimpen en erna");
}

#[test]
fn escape_sequences_in_a_scan_never_reach_the_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path(), &home.path().join("vijandig.toml"));
    let text = std::fs::read_to_string(&scan).expect("read");
    let hostile = text
        .replace(
            "region = \"Foutregio\"",
            "region = \"Regio \\u001b]0;hack\\u0007 \\u009b31m X\"",
        )
        .replace(
            "facilitator = \"\"",
            "facilitator = \"\\u001b]0;titel\\u0007Anna\\u202e\"",
        );
    assert_ne!(hostile, text);
    std::fs::write(&scan, &hostile).expect("write");

    // In the interface: the start screen's "Scan openen". One bad character
    // never locks a group out: the scan opens, the overlay says how many
    // characters are shown as markers and where the original will be kept.
    let mut session = Session::spawn(
        BIN,
        &[] as &[&str],
        &[("ZELFSCAN_HOME", home.path().as_os_str())],
        80,
        24,
    )
    .expect("start zelfscan");
    wait(&session, "Nieuwe scan starten");
    session.send("o");
    wait(&session, "Scan openen");
    // The field starts with the scans folder: clear it first.
    for _ in 0..200 {
        session.send_key(Key::Backspace);
    }
    session.send(scan.to_str().expect("utf-8"));
    wait(&session, "vijandig.toml");
    session.send_key(Key::Enter);
    wait(&session, "met opmerkingen");
    wait(&session, "stuurteken");
    session.send_key(Key::Enter);
    wait_absent(&session, "met opmerkingen");
    // Nothing was edited: closing leaves the file as it was.
    quit(&mut session);
    assert_no_hostile_bytes(&session.raw_output(), "the interface");

    // On the command line, `check` names them and counts them as a problem.
    let output = Command::new(BIN)
        .arg("check")
        .arg(&scan)
        .env("ZELFSCAN_HOME", home.path())
        .output()
        .expect("run zelfscan");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let mut printed = output.stdout.clone();
    printed.extend_from_slice(&output.stderr);
    assert!(!printed.contains(&0x1b), "ESC printed: {printed:?}");
    assert!(
        String::from_utf8_lossy(&printed).contains("'region' bevat 3 stuurteken"),
        "{}",
        String::from_utf8_lossy(&printed)
    );
    assert_no_hostile_bytes(&printed, "zelfscan check");
    assert_eq!(std::fs::read_to_string(&scan).expect("read"), hostile);
}

fn assert_no_hostile_bytes(raw: &[u8], what: &str) {
    let hostile: [&[u8]; 4] = [
        b"\x1b]0;",
        b"\x07",
        "\u{9b}".as_bytes(),
        "\u{202e}".as_bytes(),
    ];
    for bad in hostile {
        assert!(
            !raw.windows(bad.len()).any(|window| window == bad),
            "{what}: {bad:?} reached the terminal"
        );
    }
}

#[test]
fn temp_files_left_by_a_killed_save_are_removed_on_open() {
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path(), &home.path().join("wees.toml"));
    let orphans = [
        home.path().join(".wees.toml.tmp-4000000-0"),
        home.path().join("..wees.toml.journal.tmp-4000000-2"),
    ];
    for orphan in &orphans {
        std::fs::write(orphan, "half geschreven").expect("orphan");
    }
    let unrelated = home.path().join(".ander.toml.tmp-4000000-0");
    std::fs::write(&unrelated, "x").expect("unrelated");
    let mut session = open(home.path(), &scan);
    wait(&session, "VIS-1 · ");
    for orphan in &orphans {
        assert!(!orphan.exists(), "{} left", orphan.display());
    }
    assert!(unrelated.exists(), "another scan's file is not touched");
    quit(&mut session);
}

/// A signal while the disk has room for the journal but not for the save:
/// the save fails, so the journal (holding what was shown) is kept, never
/// removed, and the scan file is left as it was; opening again restores.
#[test]
fn a_signal_when_the_save_does_not_fit_keeps_the_journal() {
    let Some(tmpfs) = tmpfs_or_skip("signal on a full disk") else {
        return;
    };
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path(), &tmpfs.path().join("vol.toml"));
    // About 65 kB: a save needs that much room again for its temp file.
    let mut big = load_scan(&scan).expect("load").value;
    big.answers[0].perspectives[1].note = "lang verslag ".repeat(5000);
    zelfscan::storage::save_scan(&scan, &big).expect("save the big scan");
    let before = std::fs::read(&scan).expect("read");
    let mut session = open(home.path(), &scan);
    wait(&session, "VIS-1 · ");
    // Leave about 16 kB: room for journal lines, not for the save.
    let filler = fill(tmpfs.path());
    let filled = std::fs::metadata(&filler).expect("filler").len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .and_then(|file| file.set_len(filled.saturating_sub(16 * 1024)))
        .expect("make a little room");
    type_first_note(&mut session, "woorden");
    session.signal("TERM").expect("send SIGTERM");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");

    assert!(journal_path(&scan).exists(), "the journal was removed");
    assert_eq!(
        std::fs::read(&scan).expect("read"),
        before,
        "the scan file is as it was"
    );
    let recovered = zelfscan::storage::recovery::open_with_journal(&scan, true)
        .expect("open with journal")
        .loaded
        .value;
    assert_eq!(recovered.answers[0].perspectives[0].note, "woorden");
}
