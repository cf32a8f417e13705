use crate::Error;
use pergub_model::{Document, Format, Source};
use pergub_normaliser::Normaliser;
use pergub_parser::Parsed;
use pergub_validator::Validator;

/// The whole pipeline: parse, normalise, validate. Build once, share freely
/// (it is `Send + Sync`), call [`Pipeline::extract`] per document.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    normaliser: Normaliser,
    validator: Validator,
}

/// Builds a [`Pipeline`] with non-default data.
#[derive(Debug, Clone, Default)]
pub struct PipelineBuilder {
    normaliser: Option<Normaliser>,
}

impl PipelineBuilder {
    /// Use this normaliser (lexicon and registry). Default: the embedded data.
    pub fn normaliser(mut self, normaliser: Normaliser) -> Self {
        self.normaliser = Some(normaliser);
        self
    }

    /// The pipeline.
    pub fn build(self) -> Pipeline {
        let normaliser = self.normaliser.unwrap_or_default();
        let validator = Validator::new(&normaliser);
        Pipeline {
            normaliser,
            validator,
        }
    }
}

impl Pipeline {
    /// A pipeline with the embedded lexicon and registry.
    pub fn new() -> Pipeline {
        Pipeline::default()
    }

    /// A builder.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Extract one document. `name` is recorded as `source.name`.
    ///
    /// Fails only when the input cannot be read at all in `format`; every
    /// other problem becomes a diagnostic in the returned document.
    ///
    /// Called inside a rayon pool, a large document is restored and checked
    /// in parallel on that pool; elsewhere all the work is done on the
    /// calling thread, and no thread is started. The document is the same
    /// either way:
    ///
    /// ```
    /// # use pergub::{Format, Pipeline};
    /// let pipeline = Pipeline::new();
    /// let text = std::fs::read("../../seeds/000_861539b47a742229.txt").unwrap();
    /// let pool = rayon::ThreadPoolBuilder::new().build().unwrap(); // every core
    /// let doc = pool.install(|| pipeline.extract(&text, Format::Markdown, "seed.txt")).unwrap();
    /// assert_eq!(doc, pipeline.extract(&text, Format::Markdown, "seed.txt").unwrap());
    /// ```
    pub fn extract(&self, input: &[u8], format: Format, name: &str) -> Result<Document, Error> {
        let parsed = pergub_parser::parse(input, format)?;
        let normalised = self.normaliser.normalise(&parsed);
        let Parsed {
            mut meta,
            records,
            diagnostics,
            ..
        } = parsed;
        meta.province = normalised.province;
        let mut doc = Document::new(Source::new(name, format), meta);
        doc.records = normalised.records;
        doc.diagnostics = diagnostics;
        doc.diagnostics.extend(normalised.diagnostics);
        // The raw records are freed while the document is checked, by
        // another worker of the pool if one is free.
        let found = if rayon::current_thread_index().is_some() {
            rayon::join(|| self.validator.validate(&doc), move || drop(records)).0
        } else {
            drop(records);
            self.validator.validate(&doc)
        };
        doc.diagnostics.extend(found);
        Ok(doc)
    }
}
