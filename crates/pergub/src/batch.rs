//! Many documents at once, in parallel.
//!
//! A [`Batch`] pulls inputs from an iterator as worker threads become free,
//! loads each one on the worker that extracts it, and hands every
//! [`Outcome`] to a sink as soon as it is ready. Nothing is collected: only
//! the documents in flight (about one per worker) are in memory, so a batch of
//! a million files needs no more memory than a batch of ten.
//!
//! ```
//! use pergub::{DocumentBytes, Pipeline};
//! use std::sync::Mutex;
//!
//! let md = "| INSTANSI | KEGIATAN | 2024 |\n|---|---|---|\n| Dinas Sosial | Pelatihan kader | x |\n";
//! let inputs = (0..4).map(|i| DocumentBytes::new(format!("plan-{i}.md"), md.as_bytes().to_vec()));
//! let names = Mutex::new(Vec::new());
//! let pipeline = Pipeline::new();
//! let summary = pipeline.batch().jobs(2).run(inputs, |outcome| {
//!     let doc = outcome.result.unwrap();
//!     names.lock().unwrap().push(doc.source.name);
//! });
//! assert_eq!((summary.documents, summary.records, summary.failures), (4, 4, 0));
//! assert_eq!(names.into_inner().unwrap().len(), 4);
//! ```

use crate::{Error, Pipeline};
use pergub_model::{Document, Format, Severity};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A document waiting in a batch: something with a name that can produce
/// its bytes when a worker is ready for it.
///
/// [`DocumentBytes`] holds the bytes in memory; a caller reading files
/// implements this to read each file only when its turn comes.
pub trait BatchInput: Send {
    /// The name recorded as `source.name` and in errors.
    fn name(&self) -> String;

    /// The document's bytes and format.
    ///
    /// Called once, on the worker thread that extracts the document.
    fn load(&self) -> Result<Loaded<'_>, Error>;
}

/// What [`BatchInput::load`] returns.
#[derive(Debug, Clone)]
pub struct Loaded<'a> {
    /// The document's bytes, borrowed from the input or read for the occasion.
    pub bytes: Cow<'a, [u8]>,
    /// The format to read them as.
    pub format: Format,
}

/// A document already in memory.
#[derive(Debug, Clone)]
pub struct DocumentBytes {
    name: String,
    bytes: Vec<u8>,
    format: Option<Format>,
}

impl DocumentBytes {
    /// A document named `name`; its format is detected from the name's
    /// extension and the content (see [`crate::detect_format`]).
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> DocumentBytes {
        DocumentBytes {
            name: name.into(),
            bytes,
            format: None,
        }
    }

    /// Read the document as `format` instead of detecting it.
    pub fn with_format(mut self, format: Format) -> DocumentBytes {
        self.format = Some(format);
        self
    }

    /// The bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

impl BatchInput for DocumentBytes {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn load(&self) -> Result<Loaded<'_>, Error> {
        let format = self
            .format
            .unwrap_or_else(|| crate::detect_format(Some(&self.name), &self.bytes));
        Ok(Loaded {
            bytes: Cow::Borrowed(&self.bytes),
            format,
        })
    }
}

/// What a batch did with one input, handed to the sink.
#[derive(Debug)]
pub struct Outcome<T> {
    /// The input's position in the iterator, from 0. Outcomes arrive in the
    /// order their documents finish, not in this order.
    pub index: usize,
    /// The input's name.
    pub name: String,
    /// The input itself, handed back.
    pub input: T,
    /// Number of bytes loaded (0 when loading failed).
    pub bytes: usize,
    /// The document, or why there is none.
    pub result: Result<Document, Error>,
}

/// Counts over a whole batch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Inputs taken from the iterator, failed ones included.
    pub documents: usize,
    /// Records in the extracted documents.
    pub records: usize,
    /// Diagnostics of severity error in the extracted documents.
    pub errors: usize,
    /// Diagnostics of severity warning in the extracted documents.
    pub warnings: usize,
    /// Inputs that gave no document (unreadable, or not readable in their format).
    pub failures: usize,
    /// Bytes loaded.
    pub bytes: u64,
    /// Wall-clock time of the whole batch.
    pub elapsed: Duration,
    /// Worker threads used.
    pub jobs: usize,
}

/// Runs a [`Pipeline`] over many inputs in parallel. Made by
/// [`Pipeline::batch`].
#[derive(Debug, Clone, Copy)]
pub struct Batch<'p> {
    pipeline: &'p Pipeline,
    jobs: usize,
}

impl Pipeline {
    /// A batch over this pipeline, with as many workers as the machine has
    /// cores (see [`Batch::jobs`]).
    pub fn batch(&self) -> Batch<'_> {
        Batch {
            pipeline: self,
            jobs: 0,
        }
    }
}

#[derive(Default)]
struct Counters {
    documents: AtomicUsize,
    records: AtomicUsize,
    errors: AtomicUsize,
    warnings: AtomicUsize,
    failures: AtomicUsize,
    bytes: AtomicU64,
}

impl<'p> Batch<'p> {
    /// Use `jobs` worker threads. Default 0: one per available core.
    /// With 1, documents are extracted one after the other on the calling
    /// thread.
    pub fn jobs(mut self, jobs: usize) -> Batch<'p> {
        self.jobs = jobs;
        self
    }

    /// The number of worker threads this batch will use.
    pub fn effective_jobs(&self) -> usize {
        match self.jobs {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        }
    }

    /// Extract every input and hand each [`Outcome`] to `sink`, on the worker
    /// that produced it, as soon as it is ready.
    ///
    /// A failing input becomes an outcome with an error and the batch goes
    /// on; so does an input whose extraction hits an internal fault. If the
    /// worker threads cannot be started, the batch runs on the calling
    /// thread (and [`Summary::jobs`] says 1).
    pub fn run<I, S>(&self, inputs: I, sink: S) -> Summary
    where
        I: IntoIterator,
        I::IntoIter: Send,
        I::Item: BatchInput,
        S: Fn(Outcome<I::Item>) + Sync,
    {
        let start = Instant::now();
        let counters = Counters::default();
        let one = |(index, input): (usize, I::Item)| {
            let outcome = self.extract_one(index, input);
            counters.count(&outcome);
            sink(outcome);
        };
        // Every job runs in this pool, one job included: a document's own
        // parallel work (the normaliser restores its cells in parallel) then
        // uses the same threads, so that `jobs` bounds the threads in use.
        let jobs = self.effective_jobs();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .thread_name(|i| format!("pergub-batch-{i}"))
            .build()
            .ok();
        let inputs = inputs.into_iter().enumerate();
        let used = match &pool {
            Some(pool) => {
                pool.install(|| inputs.par_bridge().for_each(one));
                jobs
            }
            // No pool could be built: one job on this thread.
            None => {
                inputs.for_each(one);
                1
            }
        };
        counters.summary(start.elapsed(), used)
    }

    fn extract_one<T: BatchInput>(&self, index: usize, input: T) -> Outcome<T> {
        let name = input.name();
        let mut bytes = 0;
        let result = match input.load() {
            Ok(loaded) => {
                bytes = loaded.bytes.len();
                let pipeline = self.pipeline;
                catch_unwind(AssertUnwindSafe(|| {
                    pipeline.extract(&loaded.bytes, loaded.format, &name)
                }))
                .unwrap_or_else(|payload| {
                    let message = payload
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_string())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown fault".to_string());
                    Err(Error::Internal {
                        name: name.clone(),
                        message,
                    })
                })
            }
            Err(err) => Err(err),
        };
        Outcome {
            index,
            name,
            input,
            bytes,
            result,
        }
    }
}

impl Counters {
    fn count<T>(&self, outcome: &Outcome<T>) {
        self.documents.fetch_add(1, Ordering::Relaxed);
        self.bytes
            .fetch_add(outcome.bytes as u64, Ordering::Relaxed);
        match &outcome.result {
            Ok(doc) => {
                self.records.fetch_add(doc.records.len(), Ordering::Relaxed);
                let (mut errors, mut warnings) = (0, 0);
                for d in &doc.diagnostics {
                    match d.severity {
                        Severity::Error => errors += 1,
                        Severity::Warning => warnings += 1,
                        _ => {}
                    }
                }
                self.errors.fetch_add(errors, Ordering::Relaxed);
                self.warnings.fetch_add(warnings, Ordering::Relaxed);
            }
            Err(_) => {
                self.failures.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    fn summary(self, elapsed: Duration, jobs: usize) -> Summary {
        Summary {
            documents: self.documents.into_inner(),
            records: self.records.into_inner(),
            errors: self.errors.into_inner(),
            warnings: self.warnings.into_inner(),
            failures: self.failures.into_inner(),
            bytes: self.bytes.into_inner(),
            elapsed,
            jobs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::sync::Mutex;

    const MD: &str = "| INSTANSI | KEGIATAN | 2024 | 2025 |\n|---|---|---|---|\n| Dinas Sosial | Pelatihan kader | x | |\n| Dinas Kesehatan | Penyuluhan | | x |\n";

    struct Unreadable;

    impl BatchInput for Unreadable {
        fn name(&self) -> String {
            "gone.md".into()
        }
        fn load(&self) -> Result<Loaded<'_>, Error> {
            Err(Error::Read {
                name: self.name(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
            })
        }
    }

    enum Either {
        Good(DocumentBytes),
        Bad(Unreadable),
    }

    impl BatchInput for Either {
        fn name(&self) -> String {
            match self {
                Either::Good(d) => d.name(),
                Either::Bad(u) => u.name(),
            }
        }
        fn load(&self) -> Result<Loaded<'_>, Error> {
            match self {
                Either::Good(d) => d.load(),
                Either::Bad(u) => u.load(),
            }
        }
    }

    fn run(jobs: usize, inputs: Vec<Either>) -> (Summary, Vec<(usize, String, bool)>) {
        let pipeline = Pipeline::new();
        let seen = Mutex::new(Vec::new());
        let summary = pipeline.batch().jobs(jobs).run(inputs, |o| {
            seen.lock()
                .unwrap()
                .push((o.index, o.name, o.result.is_ok()));
        });
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        (summary, seen)
    }

    fn inputs() -> Vec<Either> {
        let mut v: Vec<Either> = (0..6)
            .map(|i| {
                Either::Good(DocumentBytes::new(
                    format!("d{i}.md"),
                    MD.as_bytes().to_vec(),
                ))
            })
            .collect();
        v.insert(3, Either::Bad(Unreadable));
        v
    }

    #[test]
    fn every_input_gets_one_outcome_and_failures_do_not_stop_the_batch() {
        for jobs in [1, 2, 3] {
            let (summary, seen) = run(jobs, inputs());
            assert_eq!(seen.len(), 7, "jobs {jobs}");
            assert_eq!(seen.iter().map(|s| s.0).collect::<BTreeSet<_>>().len(), 7);
            assert_eq!(seen[3], (3, "gone.md".to_string(), false));
            assert_eq!(summary.documents, 7);
            assert_eq!(summary.failures, 1);
            assert_eq!(summary.records, 12);
            assert_eq!(summary.bytes, 6 * MD.len() as u64);
            assert_eq!(summary.jobs, jobs);
        }
    }

    #[test]
    fn parallel_and_sequential_batches_give_the_same_documents() {
        let docs = |jobs| {
            let pipeline = Pipeline::new();
            let out = Mutex::new(Vec::new());
            pipeline.batch().jobs(jobs).run(inputs(), |o| {
                if let Ok(doc) = o.result {
                    out.lock()
                        .unwrap()
                        .push((o.index, serde_json::to_string(&doc).unwrap()));
                }
            });
            let mut out = out.into_inner().unwrap();
            out.sort();
            out
        };
        assert_eq!(docs(1), docs(2));
    }

    #[test]
    fn jobs_bound_the_threads_a_document_may_use() {
        for jobs in [1, 2, 3] {
            let threads = Mutex::new(BTreeSet::new());
            Pipeline::new().batch().jobs(jobs).run(inputs(), |_| {
                threads.lock().unwrap().insert(rayon::current_num_threads());
            });
            let threads = threads.into_inner().unwrap();
            assert_eq!(threads, BTreeSet::from([jobs]), "jobs {jobs}");
        }
    }

    #[test]
    fn format_is_detected_from_the_name_or_forced() {
        let html = DocumentBytes::new("plan.html", b"<table></table>".to_vec());
        assert_eq!(html.load().unwrap().format, Format::Html);
        let forced =
            DocumentBytes::new("plan.html", MD.as_bytes().to_vec()).with_format(Format::Markdown);
        assert_eq!(forced.load().unwrap().format, Format::Markdown);
    }

    #[test]
    fn an_empty_batch_counts_nothing() {
        let (summary, seen) = run(2, Vec::new());
        assert!(seen.is_empty());
        assert_eq!(
            (summary.documents, summary.records, summary.failures),
            (0, 0, 0)
        );
    }

    #[test]
    fn read_errors_name_the_input() {
        let err = Unreadable.load().unwrap_err();
        assert_eq!(err.to_string(), "gone.md: cannot read: no such file");
    }
}
