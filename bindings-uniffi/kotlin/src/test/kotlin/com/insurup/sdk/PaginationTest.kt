package com.insurup.sdk

import com.insurup.sdk.model.ListOptions
import com.insurup.sdk.model.PolicyRow
import com.insurup.sdk.model.PolicyState
import com.insurup.sdk.model.SortKey
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaginationTest {
    private val sandbox = Sandbox.start("pagination", "--generated-policies", "120")
    private val client = sandbox.client()

    @AfterAll
    fun stopSandbox() = sandbox.close()

    @Test
    fun `the core's row cursor reads every row once, one request per page`() = runBlocking {
        val requestsBefore = sandbox.requests("POST /api/graphql")
        val total = client.graphql().policies(ListOptions(first = 1u)).totalCount!!.toInt()
        val rows = mutableListOf<PolicyRow>()
        client.graphql().policyRows(ListOptions(first = 50u)).use { cursor ->
            rows += cursor.next()!!
            while (true) {
                val batch = cursor.nextBatch(7u)
                if (batch.isEmpty()) break
                assertTrue(batch.size <= 7)
                rows += batch
            }
            assertNull(cursor.next(), "a finished cursor stays finished")
        }

        assertEquals(total, rows.size, "every row of the list")
        assertEquals(rows.size, rows.map { it.id }.toSet().size, "no row twice")
        val pages = (total + 49) / 50
        assertEquals(requestsBefore + 1 + pages, sandbox.requests("POST /api/graphql"))
    }

    @Test
    fun `a new cursor resumes where the rows read so far end`() = runBlocking {
        val all = client.graphql().policiesFlow(ListOptions(first = 40u)).toList().map { it.id }
        val resumeAt = client.graphql().policyRows(ListOptions(first = 40u)).use { cursor ->
            assertNull(cursor.resumeCursor(), "nothing read yet")
            repeat(40) { cursor.next() } // exactly the first page
            cursor.next() // the first row of the second page
            cursor.resumeCursor()
        }
        // Resuming repeats the second page's first row rather than skipping it.
        val rest = client.graphql().policiesFlow(ListOptions(first = 40u, after = resumeAt)).toList().map { it.id }
        assertEquals(all.drop(40), rest)
    }

    @Test
    fun `the policies flow fetches only the pages it is asked for`() = runBlocking {
        val requestsBefore = sandbox.requests("POST /api/graphql")

        val firstTen = client.graphql().policiesFlow(ListOptions(first = 25u)).take(10).toList()

        assertEquals(10, firstTen.size)
        assertEquals(requestsBefore + 1, sandbox.requests("POST /api/graphql"))
    }

    @Test
    fun `the flow of a filtered list yields exactly the matching rows`() = runBlocking {
        val options = ListOptions(first = 40u)
        val filter = """{"state": {"eq": "ACTIVE"}}"""
        val active = client.graphql().policiesFlow(options, filter).toList()
        val firstPage = client.graphql().policies(options, filter)

        assertTrue(active.isNotEmpty())
        assertTrue(active.all { it.state == PolicyState.Active })
        assertEquals(firstPage.totalCount!!.toInt(), active.size)
    }

    @Test
    fun `every customer arrives through the customers flow`() = runBlocking {
        val customers = client.graphql().customersFlow(ListOptions(first = 20u)).toList()
        val total = client.graphql().customers().totalCount!!.toInt()
        assertEquals(total, customers.size)
    }

    @Test
    fun `the lists added later have flows too, each yielding every row its list counts`() = runBlocking {
        val graphql = client.graphql()
        val options = ListOptions(first = 25u)
        // `policiesExpanded` is documented by the GraphQL guide only.
        Sandbox.start("pagination-expanded", "--dialect", "graphql-docs", "--generated-policies", "60").use { docs ->
            val expandedList = docs.client().graphql()
            val expanded = expandedList.policiesExpandedFlow(options).toList()
            assertEquals(expandedList.policiesExpanded(options).totalCount!!.toInt(), expanded.size)
            assertTrue(expanded.size > 25, "more than one page")
            assertEquals(expanded.size, expanded.map { it.id to it.endorsementNumber }.toSet().size, "no row twice")
        }
        assertEquals(graphql.agentUsers(options).totalCount!!.toInt(), graphql.agentUsersFlow(options).toList().size)
        assertEquals(
            graphql.policyTransfers(options).totalCount!!.toInt(),
            graphql.policyTransfersFlow(options).toList().size,
        )
        assertEquals(
            graphql.webhookDeliveries(options).totalCount!!.toInt(),
            graphql.webhookDeliveriesFlow(options).toList().size,
        )
    }

    @Test
    fun `sort orders reach the server`() = runBlocking {
        val options = ListOptions(first = 30u, order = listOf(SortKey("grossPremium", "DESC")))
        val premiums = client.graphql().policies(options).items.map { it.grossPremium ?: 0.0 }
        assertEquals(premiums.sortedDescending(), premiums)
    }
}
