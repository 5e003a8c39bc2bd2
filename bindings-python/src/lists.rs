//! The core's cursors over GraphQL rows and pages and a proposal's updates, for the iterators
//! of `insurup._lists` (`for` and `async for`).
//!
//! The core pages (`RowCursor`, `GraphqlPages`) and polls (`ProposalWatch`); a batch here is
//! what one of them returns, so the iterator crosses into Rust (and releases the GIL) once per
//! page, not once per row.

use std::sync::Arc;

use async_trait::async_trait;
use insurup::graphql::Listing;
use insurup::{GraphqlPages, ProposalWatch, RowCursor};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;
use tokio::sync::Mutex;

use crate::auth::EventLoopSlot;
use crate::runtime::{block_on, coroutine};

/// A core cursor, and how it hands out its next batch: the rows it has fetched and not handed
/// out (fetching the next page when there are none), one page, or one update; nothing at the end.
#[async_trait]
pub(crate) trait Batches: Send {
    async fn next_batch(&mut self) -> insurup::Result<Batch>;

    /// Where a new list resumes (`after=`); rows only.
    fn resume_cursor(&self) -> Option<&str> {
        None
    }
}

#[async_trait]
impl<R: Listing + for<'py> IntoPyObject<'py>> Batches for RowCursor<R> {
    async fn next_batch(&mut self) -> insurup::Result<Batch> {
        Ok(Batch::of(RowCursor::next_batch(self, usize::MAX).await?))
    }

    fn resume_cursor(&self) -> Option<&str> {
        RowCursor::resume_cursor(self)
    }
}

#[async_trait]
impl<R: Listing> Batches for GraphqlPages<R>
where
    R::Page: for<'py> IntoPyObject<'py>,
{
    async fn next_batch(&mut self) -> insurup::Result<Batch> {
        Ok(Batch::of(Vec::from_iter(self.next_page().await?)))
    }
}

#[async_trait]
impl Batches for ProposalWatch {
    async fn next_batch(&mut self) -> insurup::Result<Batch> {
        Ok(Batch::of(Vec::from_iter(self.next().await?)))
    }
}

/// The iterator `class` of `insurup._lists` (`RowIterator`, `AsyncPageIterator`, …) over a core
/// cursor; nothing is fetched until it advances.
pub(crate) fn iterator<'py>(
    py: Python<'py>,
    cursor: impl Batches + 'static,
    class: &str,
    event_loop: Option<&EventLoopSlot>,
) -> PyResult<Bound<'py, PyAny>> {
    static LISTS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let lists = LISTS.import(py, "insurup", "_lists")?;
    let cursor = Arc::new(Mutex::new(Box::new(cursor) as Box<dyn Batches>));
    let event_loop = event_loop.cloned();
    lists
        .getattr(class)?
        .call1((ListCursor { cursor, event_loop },))
}

/// Makes the items of a batch Python objects, given the GIL.
type ToPython = dyn for<'py> FnOnce(Python<'py>) -> PyResult<Bound<'py, PyAny>> + Send;

/// The items of one batch, made Python objects once the GIL is held.
pub(crate) struct Batch(Box<ToPython>);

impl Batch {
    fn of<T: for<'py> IntoPyObject<'py> + Send + 'static>(items: Vec<T>) -> Self {
        Batch(Box::new(move |py| items.into_bound_py_any(py)))
    }
}

impl<'py> IntoPyObject<'py> for Batch {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        (self.0)(py)
    }
}

/// A list's position in the core, shared by the calls of one iterator (concurrent `__anext__`
/// calls take turns).
#[pyclass(frozen, module = "insurup")]
pub(crate) struct ListCursor {
    cursor: Arc<Mutex<Box<dyn Batches>>>,
    event_loop: Option<EventLoopSlot>,
}

#[pymethods]
impl ListCursor {
    /// The next batch as a list, blocking with the GIL released.
    fn next_batch(&self, py: Python<'_>) -> PyResult<Batch> {
        let cursor = Arc::clone(&self.cursor);
        block_on(py, async move { cursor.lock().await.next_batch().await })
    }

    /// The next batch as a coroutine.
    fn next_batch_async<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let cursor = Arc::clone(&self.cursor);
        let call = async move { cursor.lock().await.next_batch().await };
        coroutine(py, self.event_loop.as_ref(), call)
    }

    /// Where a new list resumes once every row handed out so far is read (`after=`); None
    /// before the first page and for pages and updates.
    #[getter]
    fn resume_cursor(&self, py: Python<'_>) -> Option<String> {
        let cursor = Arc::clone(&self.cursor);
        py.detach(move || cursor.blocking_lock().resume_cursor().map(str::to_owned))
    }
}
