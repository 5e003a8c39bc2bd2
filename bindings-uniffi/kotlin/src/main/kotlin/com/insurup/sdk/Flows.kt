// Kotlin idiom over the generated pagers and the proposal watch: cold Flows. Each collection
// starts its own pager (the core follows the cursors) and closes it when the collection ends,
// completes, fails or is cancelled.
package com.insurup.sdk

import com.insurup.sdk.model.CasePage
import com.insurup.sdk.model.CaseRow
import com.insurup.sdk.model.CustomerPage
import com.insurup.sdk.model.CustomerRow
import com.insurup.sdk.model.PolicyPage
import com.insurup.sdk.model.PolicyRow
import com.insurup.sdk.model.ProposalId
import com.insurup.sdk.model.ProposalPage
import com.insurup.sdk.model.ProposalRow
import com.insurup.sdk.model.ProposalUpdate
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

/** Every page of customers matching [query], fetched one request per page as it is collected. */
fun Graphql.customerPagesFlow(query: ListQuery = ListQuery()): Flow<CustomerPage> =
    pagesFlow({ customerPages(query) }, CustomerPages::nextPage)

/** Every customer matching [query], fetched a page at a time as it is collected. */
fun Graphql.customersFlow(query: ListQuery = ListQuery()): Flow<CustomerRow> =
    rowsFlow(customerPagesFlow(query), CustomerPage::items)

/** Every page of proposals matching [query]. */
fun Graphql.proposalPagesFlow(query: ListQuery = ListQuery()): Flow<ProposalPage> =
    pagesFlow({ proposalPages(query) }, ProposalPages::nextPage)

/** Every proposal matching [query], fetched a page at a time as it is collected. */
fun Graphql.proposalsFlow(query: ListQuery = ListQuery()): Flow<ProposalRow> =
    rowsFlow(proposalPagesFlow(query), ProposalPage::items)

/** Every page of policies matching [query]. */
fun Graphql.policyPagesFlow(query: ListQuery = ListQuery()): Flow<PolicyPage> =
    pagesFlow({ policyPages(query) }, PolicyPages::nextPage)

/**
 * Every policy matching [query], fetched a page at a time as it is collected; memory stays
 * bounded by one page however long the list is.
 */
fun Graphql.policiesFlow(query: ListQuery = ListQuery()): Flow<PolicyRow> =
    rowsFlow(policyPagesFlow(query), PolicyPage::items)

/** Every page of cases matching [query]. */
fun Graphql.casePagesFlow(query: ListQuery = ListQuery()): Flow<CasePage> =
    pagesFlow({ casePages(query) }, CasePages::nextPage)

/** Every case matching [query], fetched a page at a time as it is collected. */
fun Graphql.casesFlow(query: ListQuery = ListQuery()): Flow<CaseRow> =
    rowsFlow(casePagesFlow(query), CasePage::items)

/**
 * The insurers' answers to proposal [id] as they arrive: one [ProposalUpdate] per change, the last
 * with `finished = true`.
 */
fun Proposals.watchFlow(id: ProposalId, options: WaitOptions? = null): Flow<ProposalUpdate> =
    pagesFlow({ watch(id, options) }, ProposalWatch::next)

private fun <Pager : AutoCloseable, Page> pagesFlow(
    open: () -> Pager,
    next: suspend (Pager) -> Page?,
): Flow<Page> = flow {
    open().use { pager ->
        while (true) {
            val page = next(pager) ?: break
            emit(page)
        }
    }
}

private fun <Page, Row> rowsFlow(pages: Flow<Page>, rows: (Page) -> List<Row>): Flow<Row> = flow {
    pages.collect { page -> rows(page).forEach { emit(it) } }
}
