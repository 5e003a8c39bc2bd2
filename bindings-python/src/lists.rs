//! The core's cursors over GraphQL rows and pages and a proposal's updates, for the iterators
//! of `insurup._lists` (`for` and `async for`).
//!
//! The core pages (`RowCursor`, `GraphqlPages`) and polls (`ProposalWatch`); a batch here is
//! what one of them returns, so the iterator crosses into Rust (and releases the GIL) once per
//! page, not once per row.

use std::sync::Arc;

use insurup::graphql::{
    AgentUserRow, CaseRow, CustomerRow, ExpandedPolicyRow, PolicyRow, PolicyTransferRow,
    ProposalRow, WebhookDeliveryRow,
};
use insurup::{GraphqlPages, ProposalWatch, RowCursor};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;
use tokio::sync::Mutex;

use crate::auth::EventLoopSlot;
use crate::runtime::{block_on, coroutine};

/// Declares [`Cursor`], one variant per core cursor, with how each hands out its next batch:
/// the rows the core has fetched and not handed out (fetching the next page when there are
/// none), one page, or one update; nothing at the end.
macro_rules! cursors {
    ($($variant:ident($cursor:ty) = |$it:ident| $next:expr;)*) => {
        /// Where an iterator is in its list.
        pub(crate) enum Cursor {
            $($variant($cursor),)*
        }

        impl Cursor {
            async fn next_batch(&mut self) -> insurup::Result<Batch> {
                Ok(match self {
                    $(Cursor::$variant($it) => Batch::of($next),)*
                })
            }
        }
    };
}

cursors! {
    CustomerRows(RowCursor<CustomerRow>) = |rows| rows.next_batch(usize::MAX).await?;
    ProposalRows(RowCursor<ProposalRow>) = |rows| rows.next_batch(usize::MAX).await?;
    PolicyRows(RowCursor<PolicyRow>) = |rows| rows.next_batch(usize::MAX).await?;
    CaseRows(RowCursor<CaseRow>) = |rows| rows.next_batch(usize::MAX).await?;
    CustomerPages(GraphqlPages<CustomerRow>) = |pages| Vec::from_iter(pages.next_page().await?);
    ProposalPages(GraphqlPages<ProposalRow>) = |pages| Vec::from_iter(pages.next_page().await?);
    PolicyPages(GraphqlPages<PolicyRow>) = |pages| Vec::from_iter(pages.next_page().await?);
    CasePages(GraphqlPages<CaseRow>) = |pages| Vec::from_iter(pages.next_page().await?);
    ExpandedPolicyRows(RowCursor<ExpandedPolicyRow>) = |rows| rows.next_batch(usize::MAX).await?;
    AgentUserRows(RowCursor<AgentUserRow>) = |rows| rows.next_batch(usize::MAX).await?;
    PolicyTransferRows(RowCursor<PolicyTransferRow>) = |rows| rows.next_batch(usize::MAX).await?;
    WebhookDeliveryRows(RowCursor<WebhookDeliveryRow>) = |rows| rows.next_batch(usize::MAX).await?;
    ExpandedPolicyPages(GraphqlPages<ExpandedPolicyRow>) =
        |pages| Vec::from_iter(pages.next_page().await?);
    AgentUserPages(GraphqlPages<AgentUserRow>) = |pages| Vec::from_iter(pages.next_page().await?);
    PolicyTransferPages(GraphqlPages<PolicyTransferRow>) =
        |pages| Vec::from_iter(pages.next_page().await?);
    WebhookDeliveryPages(GraphqlPages<WebhookDeliveryRow>) =
        |pages| Vec::from_iter(pages.next_page().await?);
    Updates(ProposalWatch) = |watch| Vec::from_iter(watch.next().await?);
}

impl Cursor {
    fn resume_cursor(&self) -> Option<&str> {
        match self {
            Cursor::CustomerRows(rows) => rows.resume_cursor(),
            Cursor::ProposalRows(rows) => rows.resume_cursor(),
            Cursor::PolicyRows(rows) => rows.resume_cursor(),
            Cursor::CaseRows(rows) => rows.resume_cursor(),
            Cursor::ExpandedPolicyRows(rows) => rows.resume_cursor(),
            Cursor::AgentUserRows(rows) => rows.resume_cursor(),
            Cursor::PolicyTransferRows(rows) => rows.resume_cursor(),
            Cursor::WebhookDeliveryRows(rows) => rows.resume_cursor(),
            _ => None,
        }
    }

    /// The iterator `class` of `insurup._lists` (`RowIterator`, `AsyncPageIterator`, …) over
    /// this cursor; nothing is fetched until it advances.
    pub(crate) fn iterator<'py>(
        self,
        py: Python<'py>,
        class: &str,
        event_loop: Option<&EventLoopSlot>,
    ) -> PyResult<Bound<'py, PyAny>> {
        static LISTS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
        let lists = LISTS.import(py, "insurup", "_lists")?;
        let cursor = Arc::new(Mutex::new(self));
        let event_loop = event_loop.cloned();
        lists
            .getattr(class)?
            .call1((ListCursor { cursor, event_loop },))
    }
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
    cursor: Arc<Mutex<Cursor>>,
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
