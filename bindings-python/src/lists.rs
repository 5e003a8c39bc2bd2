//! Lazy lists as Python iterators: GraphQL rows and pages, and a proposal's updates.
//!
//! The SDK pages (`GraphqlPages::next_page`) and polls (`ProposalWatch::next`); an iterator here
//! only hands out what they return, one row at a time. Each iterator is one Python class for
//! `for` and one for `async for`, over a shared cursor.

use std::collections::VecDeque;
use std::sync::Arc;

use insurup::graphql::{
    CasePage, CaseRow, CustomerPage, CustomerRow, PolicyPage, PolicyRow, ProposalPage, ProposalRow,
};
use insurup::{GraphqlPages, ProposalUpdate};
use pyo3::prelude::*;
use pyo3::types::{PyGenericAlias, PyType};
use tokio::sync::Mutex;

use crate::runtime::{block_on, next_awaitable};

/// The pages of one GraphQL list.
pub(crate) enum Pages {
    Customers(GraphqlPages<CustomerRow>),
    Proposals(GraphqlPages<ProposalRow>),
    Policies(GraphqlPages<PolicyRow>),
    Cases(GraphqlPages<CaseRow>),
}

/// One value an iterator yields.
pub(crate) enum Item {
    CustomerRow(CustomerRow),
    ProposalRow(ProposalRow),
    PolicyRow(PolicyRow),
    CaseRow(CaseRow),
    CustomerPage(CustomerPage),
    ProposalPage(ProposalPage),
    PolicyPage(PolicyPage),
    CasePage(CasePage),
    Update(Box<ProposalUpdate>),
}

impl Pages {
    async fn next_page(&mut self) -> insurup::Result<Option<Item>> {
        Ok(match self {
            Pages::Customers(pages) => pages.next_page().await?.map(Item::CustomerPage),
            Pages::Proposals(pages) => pages.next_page().await?.map(Item::ProposalPage),
            Pages::Policies(pages) => pages.next_page().await?.map(Item::PolicyPage),
            Pages::Cases(pages) => pages.next_page().await?.map(Item::CasePage),
        })
    }
}

impl Item {
    /// The rows of a page, in order.
    fn into_rows(self) -> Vec<Item> {
        match self {
            Item::CustomerPage(page) => page.items.into_iter().map(Item::CustomerRow).collect(),
            Item::ProposalPage(page) => page.items.into_iter().map(Item::ProposalRow).collect(),
            Item::PolicyPage(page) => page.items.into_iter().map(Item::PolicyRow).collect(),
            Item::CasePage(page) => page.items.into_iter().map(Item::CaseRow).collect(),
            row => vec![row],
        }
    }
}

impl<'py> IntoPyObject<'py> for Item {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        Ok(match self {
            Item::CustomerRow(row) => row.into_pyobject(py)?.into_any(),
            Item::ProposalRow(row) => row.into_pyobject(py)?.into_any(),
            Item::PolicyRow(row) => row.into_pyobject(py)?.into_any(),
            Item::CaseRow(row) => row.into_pyobject(py)?.into_any(),
            Item::CustomerPage(page) => page.into_pyobject(py)?.into_any(),
            Item::ProposalPage(page) => page.into_pyobject(py)?.into_any(),
            Item::PolicyPage(page) => page.into_pyobject(py)?.into_any(),
            Item::CasePage(page) => page.into_pyobject(py)?.into_any(),
            Item::Update(update) => (*update).into_pyobject(py)?.into_any(),
        })
    }
}

/// Where an iterator is in its list.
pub(crate) enum Cursor {
    /// Rows of a list; the page being handed out is buffered.
    Rows { pages: Pages, page: VecDeque<Item> },
    /// Whole pages of a list.
    Pages(Pages),
    /// Updates of a watched proposal.
    Updates(insurup::ProposalWatch),
}

impl Cursor {
    pub(crate) fn rows(pages: Pages) -> Self {
        Cursor::Rows {
            pages,
            page: VecDeque::new(),
        }
    }

    async fn next(&mut self) -> insurup::Result<Option<Item>> {
        match self {
            Cursor::Rows { pages, page } => loop {
                if let Some(row) = page.pop_front() {
                    return Ok(Some(row));
                }
                match pages.next_page().await? {
                    Some(next) => page.extend(next.into_rows()),
                    None => return Ok(None),
                }
            },
            Cursor::Pages(pages) => pages.next_page().await,
            Cursor::Updates(watch) => Ok(watch
                .next()
                .await?
                .map(|update| Item::Update(Box::new(update)))),
        }
    }
}

/// A cursor shared by the calls of one iterator. Concurrent `__anext__` calls take turns.
type SharedCursor = Arc<Mutex<Cursor>>;

/// Declares the blocking and the awaitable iterator class over a cursor.
macro_rules! iterator_classes {
    ($(
        $(#[$doc:meta])*
        $blocking:ident, $awaitable:ident;
    )*) => {$(
        $(#[$doc])*
        #[pyclass(frozen, module = "insurup")]
        pub(crate) struct $blocking(SharedCursor);

        impl $blocking {
            pub(crate) fn new(cursor: Cursor) -> Self {
                $blocking(Arc::new(Mutex::new(cursor)))
            }
        }

        #[pymethods]
        impl $blocking {
            fn __iter__(slf: Py<Self>) -> Py<Self> {
                slf
            }

            fn __next__(&self, py: Python<'_>) -> PyResult<Option<Item>> {
                let cursor = Arc::clone(&self.0);
                block_on(py, async move { cursor.lock().await.next().await })
            }

            #[classmethod]
            fn __class_getitem__<'py>(
                class: &Bound<'py, PyType>,
                item: &Bound<'py, PyAny>,
            ) -> PyResult<Bound<'py, PyGenericAlias>> {
                PyGenericAlias::new(class.py(), class.as_any(), item)
            }
        }

        $(#[$doc])*
        #[pyclass(frozen, module = "insurup")]
        pub(crate) struct $awaitable(SharedCursor);

        impl $awaitable {
            pub(crate) fn new(cursor: Cursor) -> Self {
                $awaitable(Arc::new(Mutex::new(cursor)))
            }
        }

        #[pymethods]
        impl $awaitable {
            fn __aiter__(slf: Py<Self>) -> Py<Self> {
                slf
            }

            fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let cursor = Arc::clone(&self.0);
                next_awaitable(py, async move { cursor.lock().await.next().await })
            }

            #[classmethod]
            fn __class_getitem__<'py>(
                class: &Bound<'py, PyType>,
                item: &Bound<'py, PyAny>,
            ) -> PyResult<Bound<'py, PyGenericAlias>> {
                PyGenericAlias::new(class.py(), class.as_any(), item)
            }
        }
    )*};
}

iterator_classes! {
    /// Every row of a GraphQL list, fetched a page at a time as the loop advances.
    RowIterator, AsyncRowIterator;
    /// The pages of a GraphQL list, fetched as the loop advances.
    PageIterator, AsyncPageIterator;
    /// A proposal's updates: each brings the insurers that answered since the previous one.
    ProposalWatch, AsyncProposalWatch;
}
