// Every active policy above 5 000 TL, most expensive first, fetched page by page as the Flow is
// collected (memory stays at one page however long the list is).
package com.insurup.examples.listpolicies

import com.insurup.examples.connect

import com.insurup.sdk.model.ListOptions
import com.insurup.sdk.model.SortKey
import com.insurup.sdk.policiesFlow
import kotlinx.coroutines.runBlocking

fun main() = runBlocking {
    connect("--generated-policies", "2000").use { connection ->
        val client = connection.client
        val options = ListOptions(first = 200u, order = listOf(SortKey("grossPremium", "DESC")))
        val filter = """{"and": [{"state": {"eq": "ACTIVE"}}, {"grossPremium": {"gte": 5000}}]}"""
        val firstPage = client.graphql().policies(options, filter)
        println("${firstPage.totalCount} policies match; the first page has ${firstPage.items.size}")

        var count = 0
        var total = 0.0
        client.graphql().policiesFlow(options, filter).collect { row ->
            count += 1
            total += row.grossPremium ?: 0.0
            if (count <= 3) println("%10.2f TL  %s  %s".format(row.grossPremium ?: 0.0, row.insuranceCompanyName ?: "-", row.insuredCustomerName ?: "-"))
        }
        println("$count rows, %.2f TL in total".format(total))
        check(count.toLong() == firstPage.totalCount?.toLong()) { "streamed $count rows but the list has ${firstPage.totalCount}" }
    }
}
