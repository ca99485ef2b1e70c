//! The journal: every edit is appended to a file beside the scan before the
//! screen shows it, so a killed process, a closed window or a power cut loses
//! nothing that was on screen. The scan TOML itself is rewritten only at
//! checkpoints (atomically); the journal covers the time in between.
//!
//! Layout, one line each:
//!
//! ```text
//! zelfscan-journal 1 base=<hash of the scan file the edits build on>
//! <seq> <checksum> <edit>
//! <seq> <checksum> checkpoint\t<hash of the file about to be written>
//! ```
//!
//! A record counts only when its line is complete and its checksum matches, so
//! a record torn by a crash mid-write ends the replay there. Before a
//! checkpoint renames the new file into place, a `checkpoint` record names its
//! hash: after a crash between the rename and the journal reset, the journal
//! is recognised as already saved instead of being replayed twice.

use std::fs::{File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::model::edit::Edit;

mod codec;

use codec::{decode, encode, unescape};

const HEADER: &str = "zelfscan-journal 1 base=";

/// A 64-bit FNV-1a hash: to recognise a file's content, not for security.
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The journal of a scan: hidden, in the same folder, so it travels with the
/// scan on a shared drive or USB stick.
pub fn journal_path(scan: &Path) -> PathBuf {
    hidden_sibling(scan, "journal")
}

/// `.<name>.<suffix>` beside `scan`.
pub(crate) fn hidden_sibling(scan: &Path, suffix: &str) -> PathBuf {
    let name = scan
        .file_name()
        .map_or_else(|| "scan".into(), |name| name.to_string_lossy().into_owned());
    scan.with_file_name(format!(".{name}.{suffix}"))
}

/// Appends edits to a scan's journal.
#[derive(Debug)]
pub struct JournalWriter {
    file: File,
    path: PathBuf,
    next_seq: u64,
    unsynced: bool,
}

impl JournalWriter {
    /// Starts a fresh journal for a scan file whose content hashes to `base`,
    /// replacing any old one atomically.
    pub fn start(scan: &Path, base: u64) -> io::Result<Self> {
        let path = journal_path(scan);
        super::save::write_atomic(&path, format!("{HEADER}{base:016x}\n").as_bytes())?;
        let file = OpenOptions::new().append(true).open(&path)?;
        Ok(Self {
            file,
            path,
            next_seq: 1,
            unsynced: false,
        })
    }

    /// Carries on with an existing journal after a recovery, dropping a torn
    /// tail first so new records are not hidden behind it.
    pub fn resume(scan: &Path, read: &JournalRead) -> io::Result<Self> {
        let path = journal_path(scan);
        let file = OpenOptions::new().write(true).open(&path)?;
        file.set_len(read.good_len)?;
        let mut file = file;
        file.seek(SeekFrom::End(0))?;
        file.sync_data()?;
        Ok(Self {
            file,
            path,
            next_seq: read.last_seq + 1,
            unsynced: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends the edits in one write. They reach the kernel before this
    /// returns (safe from a killed process); `sync` makes them safe from a
    /// power cut.
    pub fn append(&mut self, edits: &[Edit]) -> io::Result<()> {
        if edits.is_empty() {
            return Ok(());
        }
        let mut lines = String::new();
        for edit in edits {
            lines.push_str(&self.record(&encode(edit)));
        }
        self.file.write_all(lines.as_bytes())?;
        self.unsynced = true;
        Ok(())
    }

    /// Marks that the file with content hash `hash` is about to replace the scan.
    pub fn append_checkpoint(&mut self, hash: u64) -> io::Result<()> {
        let line = self.record(&format!("checkpoint\t{hash:016x}"));
        self.file.write_all(line.as_bytes())?;
        self.file.sync_data()?;
        self.unsynced = false;
        Ok(())
    }

    /// Flushes appended records to the disk itself.
    pub fn sync(&mut self) -> io::Result<()> {
        if self.unsynced {
            self.file.sync_data()?;
            self.unsynced = false;
        }
        Ok(())
    }

    pub fn has_unsynced(&self) -> bool {
        self.unsynced
    }

    /// Removes the journal: everything in it is in the scan file, or was
    /// deliberately discarded.
    pub fn remove(self) -> io::Result<()> {
        let path = self.path.clone();
        drop(self);
        match std::fs::remove_file(&path) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        }
    }

    fn record(&mut self, payload: &str) -> String {
        let seq = self.next_seq;
        self.next_seq += 1;
        format!(
            "{seq} {:016x} {payload}\n",
            content_hash(payload.as_bytes())
        )
    }
}

/// What a journal holds, up to the first damaged record.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalRead {
    /// Hash of the scan file the edits build on.
    pub base: u64,
    pub edits: Vec<Edit>,
    /// The hash named by the last checkpoint record, if any.
    pub last_checkpoint: Option<u64>,
    /// Edits after the last checkpoint record.
    pub edits_since_checkpoint: usize,
    pub last_seq: u64,
    /// Bytes up to the end of the last good record.
    pub good_len: u64,
    /// True when something after the good records was cut off or damaged.
    pub torn: bool,
}

/// Reads a scan's journal; `None` when there is none (or it has no header,
/// which only happens when a crash interrupted its very creation).
pub fn read_journal(scan: &Path) -> io::Result<Option<JournalRead>> {
    Ok(super::input::read_input_if_present(&journal_path(scan))?
        .and_then(|bytes| parse_journal(&bytes)))
}

/// Parses journal bytes; see [`read_journal`].
pub fn parse_journal(bytes: &[u8]) -> Option<JournalRead> {
    let header_end = bytes.iter().position(|b| *b == b'\n')?;
    let header = std::str::from_utf8(&bytes[..header_end]).ok()?;
    let base = u64::from_str_radix(header.strip_prefix(HEADER)?, 16).ok()?;
    let mut read = JournalRead {
        base,
        edits: Vec::new(),
        last_checkpoint: None,
        edits_since_checkpoint: 0,
        last_seq: 0,
        good_len: (header_end + 1) as u64,
        torn: false,
    };
    let mut position = header_end + 1;
    while position < bytes.len() {
        let Some(length) = bytes[position..].iter().position(|b| *b == b'\n') else {
            read.torn = true;
            break;
        };
        let line = &bytes[position..position + length];
        match parse_record(line, read.last_seq) {
            Some((seq, Record::Edit(edit))) => {
                read.edits.push(edit);
                read.edits_since_checkpoint += 1;
                read.last_seq = seq;
            }
            Some((seq, Record::Checkpoint(hash))) => {
                read.last_checkpoint = Some(hash);
                read.edits_since_checkpoint = 0;
                read.last_seq = seq;
            }
            None => {
                read.torn = true;
                break;
            }
        }
        position += length + 1;
        read.good_len = position as u64;
    }
    Some(read)
}

enum Record {
    Edit(Edit),
    Checkpoint(u64),
}

/// One record line; `None` when it is damaged or out of sequence.
fn parse_record(line: &[u8], last_seq: u64) -> Option<(u64, Record)> {
    let line = std::str::from_utf8(line).ok()?;
    let mut parts = line.splitn(3, ' ');
    let seq: u64 = parts.next()?.parse().ok()?;
    let checksum = u64::from_str_radix(parts.next()?, 16).ok()?;
    let payload = parts.next()?;
    if seq != last_seq + 1 || checksum != content_hash(payload.as_bytes()) {
        return None;
    }
    let fields: Vec<String> = payload.split('\t').map(unescape).collect();
    let record = match fields.first().map(String::as_str)? {
        "checkpoint" => Record::Checkpoint(u64::from_str_radix(fields.get(1)?, 16).ok()?),
        _ => Record::Edit(decode(&fields)?),
    };
    Some((seq, record))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::{AgendaEdit, Slot, TextSlot};
    use crate::model::{Agreement, Answer, Verdict, VerdictOverride};
    use jiff::Timestamp;

    fn at() -> Timestamp {
        "2026-11-25T10:00:00Z".parse().expect("timestamp")
    }

    fn sample_edits() -> Vec<Edit> {
        vec![
            Edit::Score {
                criterion: "VIS-1".into(),
                slot: Slot::Perspective("gemeenten".into()),
                value: Some(Answer::Score(3)),
                at: at(),
            },
            Edit::Score {
                criterion: "VIS-1".into(),
                slot: Slot::Consensus,
                value: Some(Answer::Unknown),
                at: at(),
            },
            Edit::Agreement {
                criterion: "SAM-2".into(),
                value: Some(Agreement::NoConsensus),
                at: at(),
            },
            Edit::Skipped {
                criterion: "STR-1".into(),
                value: true,
                at: at(),
            },
            Edit::Splice {
                criterion: "VIS-1".into(),
                text: TextSlot::Note(Slot::Perspective("aanbieders".into())),
                offset: 3,
                removed: 1,
                inserted: "één\ttab\nregel\\ \r €".into(),
                at: at(),
            },
            Edit::Splice {
                criterion: "VIS-2".into(),
                text: TextSlot::ActionWhat(0),
                offset: 0,
                removed: 0,
                inserted: String::new(),
                at: at(),
            },
            Edit::Override(Some(VerdictOverride {
                verdict: Verdict::Robust,
                rationale: "Omdat\nhet kan".into(),
                extra: crate::model::Extra::default(),
            })),
            Edit::Override(None),
            Edit::Private {
                criterion: "VIS-3".into(),
                text: TextSlot::Note(Slot::Perspective("gemeenten".into())),
                value: true,
                at: at(),
            },
            Edit::Private {
                criterion: "VIS-3".into(),
                text: TextSlot::ActionOwner(2),
                value: false,
                at: at(),
            },
            Edit::Splice {
                criterion: "VIS-2".into(),
                text: TextSlot::AmbitionNeeded,
                offset: 0,
                removed: 0,
                inserted: "geld\tijd".into(),
                at: at(),
            },
            Edit::Splice {
                criterion: "VIS-2".into(),
                text: TextSlot::ActionOwner(1),
                offset: 0,
                removed: 0,
                inserted: "Anna".into(),
                at: at(),
            },
        ]
        .into_iter()
        .chain(agenda_sample_edits())
        .collect()
    }

    fn agenda_sample_edits() -> Vec<Edit> {
        use crate::model::ActionStatus;
        let date = Some(jiff::civil::date(2027, 2, 28));
        [
            AgendaEdit::AddAction,
            AgendaEdit::RemoveAction(3),
            AgendaEdit::ActionStatus(0, ActionStatus::Ongoing),
            AgendaEdit::ActionStatus(1, ActionStatus::Dropped),
            AgendaEdit::ActionDue(0, date),
            AgendaEdit::ActionDue(0, None),
            AgendaEdit::AmbitionLevel(Some(4)),
            AgendaEdit::AmbitionLevel(None),
            AgendaEdit::AmbitionDue(date),
            AgendaEdit::AmbitionDue(None),
        ]
        .into_iter()
        .map(|change| Edit::Agenda {
            criterion: "SAM-1".into(),
            change,
            at: at(),
        })
        .collect()
    }

    #[test]
    fn agenda_records_with_damaged_values_are_not_read() {
        for payload in [
            "agenda\tSAM-1\taction-status\t0\tgedaan\t2026-11-25T10:00:00Z",
            "agenda\tSAM-1\taction-due\t0\t2027-2-28\t2026-11-25T10:00:00Z",
            "agenda\tSAM-1\tambition-level\tvier\t2026-11-25T10:00:00Z",
            "agenda\tSAM-1\tremove-action\t-1\t2026-11-25T10:00:00Z",
            "agenda\tSAM-1\tadd-action",
        ] {
            let line = format!("1 {:016x} {payload}", content_hash(payload.as_bytes()));
            assert!(parse_record(line.as_bytes(), 0).is_none(), "{payload}");
        }
    }

    fn journal_bytes(edits: &[Edit], checkpoint_after: Option<usize>) -> Vec<u8> {
        let mut text = format!("{HEADER}{:016x}\n", 42);
        let mut seq = 0;
        for (index, edit) in edits.iter().enumerate() {
            seq += 1;
            let payload = encode(edit);
            text.push_str(&format!(
                "{seq} {:016x} {payload}\n",
                content_hash(payload.as_bytes())
            ));
            if checkpoint_after == Some(index) {
                seq += 1;
                let payload = format!("checkpoint\t{:016x}", 7);
                text.push_str(&format!(
                    "{seq} {:016x} {payload}\n",
                    content_hash(payload.as_bytes())
                ));
            }
        }
        text.into_bytes()
    }

    #[test]
    fn every_kind_of_edit_reads_back_as_written() {
        let edits = sample_edits();
        let read = parse_journal(&journal_bytes(&edits, None)).expect("journal");
        assert_eq!(read.base, 42);
        assert_eq!(read.edits, edits);
        assert!(!read.torn);
        assert_eq!(read.last_seq, edits.len() as u64);
    }

    #[test]
    fn a_torn_or_damaged_record_ends_the_replay_there() {
        let edits = sample_edits();
        let bytes = journal_bytes(&edits, None);
        // Cut the file at every possible byte: never a panic, never an edit
        // that was not completely written, and the good prefix always kept.
        let mut previous = 0;
        for cut in 0..bytes.len() {
            let Some(read) = parse_journal(&bytes[..cut]) else {
                continue;
            };
            assert!(read.edits.len() >= previous, "monotonic in the cut");
            previous = read.edits.len();
            assert_eq!(read.edits[..], edits[..read.edits.len()]);
            assert!(read.good_len <= cut as u64);
        }
        // A flipped byte inside the third record stops the replay before it.
        let mut damaged = bytes.clone();
        let third = damaged
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(2)
            .map(|(i, _)| i + 5)
            .expect("third record");
        damaged[third + 20] ^= 0x01;
        let read = parse_journal(&damaged).expect("journal");
        assert_eq!(read.edits.len(), 2);
        assert!(read.torn);
    }

    #[test]
    fn checkpoint_records_are_remembered_with_what_came_after() {
        let edits = sample_edits();
        let read = parse_journal(&journal_bytes(&edits, Some(2))).expect("journal");
        assert_eq!(read.last_checkpoint, Some(7));
        assert_eq!(read.edits_since_checkpoint, edits.len() - 3);
        assert_eq!(read.edits, edits);
    }

    #[test]
    fn writer_start_append_resume() {
        let dir = tempfile::tempdir().expect("temp dir");
        let scan = dir.path().join("scan met spatie é.toml");
        std::fs::write(&scan, "x").expect("scan");
        let edits = sample_edits();
        let mut writer = JournalWriter::start(&scan, 99).expect("start");
        writer.append(&edits[..3]).expect("append");
        writer.append_checkpoint(5).expect("checkpoint");
        writer.append(&edits[3..]).expect("append");
        writer.sync().expect("sync");
        drop(writer);
        // A torn tail, as a crash mid-write leaves it.
        let path = journal_path(&scan);
        let mut file = OpenOptions::new().append(true).open(&path).expect("open");
        file.write_all(b"99 00000000 score\tVIS").expect("tear");
        drop(file);
        let read = read_journal(&scan).expect("read").expect("journal");
        assert_eq!(read.base, 99);
        assert_eq!(read.edits, edits);
        assert!(read.torn);
        let mut writer = JournalWriter::resume(&scan, &read).expect("resume");
        writer.append(&edits[..1]).expect("append after resume");
        let read = read_journal(&scan).expect("read").expect("journal");
        assert!(!read.torn, "the torn tail was dropped before appending");
        assert_eq!(read.edits.len(), edits.len() + 1);
        writer.remove().expect("remove");
        assert!(read_journal(&scan).expect("read").is_none());
    }
}
