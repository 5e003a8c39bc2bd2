// Kotlin idiom over the core's row cursors and the proposal watch: cold Flows. Each collection
// opens its own cursor (the core fetches the pages and follows the cursors) and closes it when
// the collection ends, completes, fails or is cancelled.
package com.insurup.sdk

import com.insurup.sdk.model.AgentUserRow
import com.insurup.sdk.model.CaseRow
import com.insurup.sdk.model.CustomerRow
import com.insurup.sdk.model.ExpandedPolicyRow
import com.insurup.sdk.model.ListOptions
import com.insurup.sdk.model.PolicyRow
import com.insurup.sdk.model.PolicyTransferRow
import com.insurup.sdk.model.ProposalId
import com.insurup.sdk.model.ProposalRow
import com.insurup.sdk.model.ProposalUpdate
import com.insurup.sdk.model.WaitOptions
import com.insurup.sdk.model.WebhookDeliveryRow
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

/** Rows handed over per call into the library; the cursor fetches one page at most per call. */
private const val BATCH = 100u

/** Every customer matching [options] and [filter] (JSON), fetched a page at a time as it is collected. */
fun Graphql.customersFlow(options: ListOptions = ListOptions(), filter: String? = null): Flow<CustomerRow> =
    rowsFlow({ customerRows(options, filter) }, CustomerRows::nextBatch)

/** Every proposal matching [options] and [filter], fetched a page at a time as it is collected. */
fun Graphql.proposalsFlow(options: ListOptions = ListOptions(), filter: String? = null): Flow<ProposalRow> =
    rowsFlow({ proposalRows(options, filter) }, ProposalRows::nextBatch)

/**
 * Every policy matching [options] and [filter], fetched a page at a time as it is collected;
 * memory stays bounded by one page however long the list is.
 */
fun Graphql.policiesFlow(options: ListOptions = ListOptions(), filter: String? = null): Flow<PolicyRow> =
    rowsFlow({ policyRows(options, filter) }, PolicyRows::nextBatch)

/** Every case matching [options] and [filter], fetched a page at a time as it is collected. */
fun Graphql.casesFlow(options: ListOptions = ListOptions(), filter: String? = null): Flow<CaseRow> =
    rowsFlow({ caseRows(options, filter) }, CaseRows::nextBatch)

/** Every policy with its customer, asset and insurer details (`policiesExpanded`), a page at a time. */
fun Graphql.policiesExpandedFlow(options: ListOptions = ListOptions(), filter: String? = null): Flow<ExpandedPolicyRow> =
    rowsFlow({ policiesExpandedRows(options, filter) }, ExpandedPolicyRows::nextBatch)

/** Every user of the agency matching [options] and [filter], fetched a page at a time. */
fun Graphql.agentUsersFlow(options: ListOptions = ListOptions(), filter: String? = null): Flow<AgentUserRow> =
    rowsFlow({ agentUserRows(options, filter) }, AgentUserRows::nextBatch)

/** Every policy transfer matching [options] and [filter], fetched a page at a time. */
fun Graphql.policyTransfersFlow(options: ListOptions = ListOptions(), filter: String? = null): Flow<PolicyTransferRow> =
    rowsFlow({ policyTransferRows(options, filter) }, PolicyTransferRows::nextBatch)

/** Every webhook delivery matching [options] and [filter], fetched a page at a time. */
fun Graphql.webhookDeliveriesFlow(options: ListOptions = ListOptions(), filter: String? = null): Flow<WebhookDeliveryRow> =
    rowsFlow({ webhookDeliveryRows(options, filter) }, WebhookDeliveryRows::nextBatch)

/**
 * The insurers' answers to proposal [proposalId] as they arrive: one [ProposalUpdate] per change, the last
 * with `finished = true`.
 */
fun Proposals.watchFlow(proposalId: ProposalId, options: WaitOptions = WaitOptions()): Flow<ProposalUpdate> = flow {
    watch(proposalId, options).use { watch ->
        while (true) emit(watch.next() ?: break)
    }
}

private fun <Cursor : AutoCloseable, Row> rowsFlow(
    open: () -> Cursor,
    nextBatch: suspend (Cursor, UInt) -> List<Row>,
): Flow<Row> = flow {
    open().use { cursor ->
        while (true) {
            val rows = nextBatch(cursor, BATCH)
            if (rows.isEmpty()) break
            rows.forEach { emit(it) }
        }
    }
}
