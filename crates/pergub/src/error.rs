/// Why a document could not be extracted at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be read in its format.
    #[error(transparent)]
    Parse(#[from] pergub_parser::ParseError),
    /// A user data file (registry, lexicon) is invalid.
    #[error("{path}: {source}")]
    Data {
        /// The file.
        path: String,
        /// What is wrong.
        source: pergub_normaliser::Error,
    },
}
