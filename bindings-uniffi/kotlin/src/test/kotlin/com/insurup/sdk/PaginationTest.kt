package com.insurup.sdk

import com.insurup.sdk.model.PolicyRow
import com.insurup.sdk.model.PolicyState
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
    fun `next_page follows the cursors one request per page until the list ends`() = runBlocking {
        val requestsBefore = sandbox.requests("POST /graphql")
        val pages = client.graphql().policyPages(ListQuery(first = 50u))
        val rows = mutableListOf<PolicyRow>()
        var pageCount = 0
        var total: UInt? = null
        while (true) {
            val page = pages.nextPage() ?: break
            pageCount += 1
            total = total ?: page.totalCount
            rows += page.items
        }

        assertEquals(total!!.toInt(), rows.size, "every row of the list, once")
        assertEquals(rows.size, rows.map { it.id }.toSet().size)
        assertEquals((rows.size + 49) / 50, pageCount)
        assertEquals(requestsBefore + pageCount, sandbox.requests("POST /graphql"))
        assertNull(pages.nextPage(), "a finished pager stays finished")
        assertEquals(requestsBefore + pageCount, sandbox.requests("POST /graphql"))
    }

    @Test
    fun `the policies flow fetches only the pages it is asked for`() = runBlocking {
        val requestsBefore = sandbox.requests("POST /graphql")

        val firstTen = client.graphql().policiesFlow(ListQuery(first = 25u)).take(10).toList()

        assertEquals(10, firstTen.size)
        assertEquals(requestsBefore + 1, sandbox.requests("POST /graphql"))
    }

    @Test
    fun `the flow of a filtered list yields exactly the matching rows`() = runBlocking {
        val query = ListQuery(first = 40u, filter = """{"state": {"eq": "ACTIVE"}}""")
        val active = client.graphql().policiesFlow(query).toList()
        val firstPage = client.graphql().policies(query)

        assertTrue(active.isNotEmpty())
        assertTrue(active.all { it.state == PolicyState.Active })
        assertEquals(firstPage.totalCount!!.toInt(), active.size)
    }

    @Test
    fun `every page of the customer list arrives through its flow`() = runBlocking {
        val pages = client.graphql().customerPagesFlow(ListQuery(first = 20u)).toList()
        val customers = pages.flatMap { it.items }
        assertEquals(pages.first().totalCount!!.toInt(), customers.size)
        assertTrue(pages.dropLast(1).all { it.items.size == 20 })
    }

    @Test
    fun `sort orders reach the server`() = runBlocking {
        val query = ListQuery(first = 30u, order = listOf(SortOrder("grossPremium", SortDirection.DESC)))
        val premiums = client.graphql().policies(query).items.map { it.grossPremium ?: 0.0 }
        assertEquals(premiums.sortedDescending(), premiums)
    }
}
