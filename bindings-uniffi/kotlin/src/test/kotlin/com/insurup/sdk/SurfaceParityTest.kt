package com.insurup.sdk

import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import kotlin.reflect.KClass
import kotlin.reflect.KFunction
import kotlin.reflect.KParameter
import kotlin.reflect.full.companionObject
import kotlin.reflect.full.isSubclassOf
import kotlin.reflect.full.memberFunctions
import kotlin.reflect.full.primaryConstructor
import kotlin.reflect.jvm.kotlinFunction

/**
 * The Kotlin package and the Swift snapshot against bindings-uniffi/surface.json, the surface the
 * `surface` bin reads from the library: every object, method, record field, enum variant, function
 * and error kind exists under its Kotlin (and Swift) name, and every hand-written public Kotlin
 * declaration is accounted for. What differs on purpose is listed, with its reason, in
 * intended-differences.txt beside this file; a listed difference that no longer applies fails too.
 */
class SurfaceParityTest {
    private val surface = JSONObject(File(property("insurup.surface")).readText())
    private val differences = File("src/test/kotlin/com/insurup/sdk/intended-differences.txt")
        .readLines().map { it.substringBefore("#").trim() }.filter { it.isNotEmpty() }
        .map { line ->
            val (entry, reason) = line.split(" : ", limit = 2).also { require(it.size == 2) { "no reason in: $line" } }
            require(reason.isNotBlank()) { "no reason in: $line" }
            entry.trim()
        }
    private val renames = differences.filter { it.startsWith("rename ") }
        .associate { it.removePrefix("rename ").split(" = ").let { (rust, kotlin) -> rust.trim() to kotlin.trim() } }
    private val kotlinOnly = differences.filter { it.startsWith("kotlin-only ") }.map { it.removePrefix("kotlin-only ") }.toSet()

    private fun property(name: String) = System.getProperty(name) ?: error("run through Maven: -D$name is not set")

    private fun camel(rust: String) = rust.split('_').mapIndexed { i, part ->
        if (i == 0) part else part.replaceFirstChar(Char::uppercaseChar)
    }.joinToString("")

    private fun typeName(rust: String) = renames[rust] ?: rust

    private fun kotlinClass(rust: String): KClass<*>? =
        listOf("com.insurup.sdk", "com.insurup.sdk.model").firstNotNullOfOrNull { pkg ->
            runCatching { Class.forName("$pkg.${typeName(rust)}").kotlin }.getOrNull()
        }

    private fun JSONArray.objects() = (0 until length()).map { getJSONObject(it) }
    private fun JSONArray.strings() = (0 until length()).map { getString(it) }

    private fun KFunction<*>.argumentNames() =
        parameters.filter { it.kind == KParameter.Kind.VALUE }.map { it.name }

    /** Checks [methods] (surface entries) against the member functions of [kotlin]. */
    private fun checkMethods(owner: String, kotlin: KClass<*>, methods: JSONArray, problems: MutableList<String>) {
        for (method in methods.objects()) {
            val name = camel(method.getString("name"))
            val arguments = method.getJSONArray("arguments").strings().map(::camel)
            val found = kotlin.memberFunctions.filter { it.name == name }
            when {
                found.none() -> problems += "$owner.$name is missing"
                found.none { it.argumentNames() == arguments } ->
                    problems += "$owner.$name takes ${found.map { it.argumentNames() }}, not $arguments"
                found.none { it.isSuspend == method.getBoolean("async") } ->
                    problems += "$owner.$name should ${if (method.getBoolean("async")) "" else "not "}suspend"
            }
        }
    }

    @Test
    fun `every object, callback, method and constructor has its Kotlin name and arguments`() {
        val problems = mutableListOf<String>()
        for (entry in surface.getJSONArray("objects").objects() + surface.getJSONArray("callbacks").objects()) {
            val name = entry.getString("name")
            val kotlin = kotlinClass(name) ?: run { problems += "class $name is missing"; null } ?: continue
            checkMethods(name, kotlin, entry.getJSONArray("methods"), problems)
            for (constructor in entry.optJSONArray("constructors")?.objects().orEmpty()) {
                val arguments = constructor.getJSONArray("arguments").strings().map(::camel)
                val found = if (constructor.getString("name") == "new") {
                    kotlin.constructors.map { it.argumentNames() }
                } else {
                    kotlin.companionObject?.memberFunctions.orEmpty()
                        .filter { it.name == camel(constructor.getString("name")) }.map { it.argumentNames() }
                }
                if (arguments !in found) problems += "$name.${constructor.getString("name")}($arguments) is missing"
            }
        }
        assertEquals(emptyList<String>(), problems)
    }

    @Test
    fun `every record has exactly the surface's fields, in order`() {
        val problems = mutableListOf<String>()
        for (record in surface.getJSONArray("records").objects()) {
            val name = record.getString("name")
            val kotlin = kotlinClass(name) ?: run { problems += "record $name is missing"; null } ?: continue
            val fields = record.getJSONArray("fields").strings().map(::camel)
            val properties = kotlin.primaryConstructor?.parameters?.map { it.name }
            if (properties != fields) problems += "${typeName(name)} has $properties, the surface $fields"
        }
        assertEquals(emptyList<String>(), problems)
    }

    @Test
    fun `every enum has exactly the surface's variants`() {
        val problems = mutableListOf<String>()
        val plain = { text: String -> text.replace("_", "").lowercase() }
        for (enum in surface.getJSONArray("enums").objects()) {
            val name = enum.getString("name")
            val kotlin = kotlinClass(name) ?: run { problems += "enum $name is missing"; null } ?: continue
            val variants = enum.getJSONArray("variants").strings().map(plain).sorted()
            val found = if (kotlin.isSubclassOf(Enum::class)) {
                kotlin.java.enumConstants.map { plain((it as Enum<*>).name) }
            } else {
                kotlin.sealedSubclasses.map { plain(it.simpleName!!) }
            }.sorted()
            if (found != variants) problems += "$name has $found, the surface $variants"
        }
        assertEquals(emptyList<String>(), problems)
    }

    @Test
    fun `every function is a top-level Kotlin function with the same arguments`() {
        val functions = listOf("com.insurup.sdk.Insurup_uniffiKt", "com.insurup.sdk.model.InsurupKt")
            .flatMap { Class.forName(it).declaredMethods.toList() }
            .mapNotNull { it.kotlinFunction }
        val problems = mutableListOf<String>()
        for (function in surface.getJSONArray("functions").objects()) {
            val name = camel(function.getString("name"))
            val arguments = function.getJSONArray("arguments").strings().map(::camel)
            if (functions.none { it.name == name && it.argumentNames() == arguments }) problems += "$name($arguments) is missing"
        }
        assertEquals(emptyList<String>(), problems)
    }

    @Test
    fun `every error kind of the core is an InsurUpException case`() {
        val kinds = surface.getJSONArray("errorKinds").strings()
        val cases = InsurUpException::class.sealedSubclasses.map { it.simpleName + "Error" }
        assertEquals(kinds.sorted(), cases.sorted())
    }

    @Test
    fun `every hand-written public declaration is a listed Kotlin idiom`() {
        val sources = File("src/main/kotlin").walk().filter { it.extension == "kt" }.toList()
        val declared = sources.flatMap { file ->
            val pkg = Regex("""^package ([\w.]+)""", RegexOption.MULTILINE).find(file.readText())!!.groupValues[1]
            val classes = Regex("""^(?:class|object|interface) (\w+)""", RegexOption.MULTILINE)
                .findAll(file.readText()).map { it.groupValues[1] }.toList()
            val facade = runCatching { Class.forName("$pkg.${file.nameWithoutExtension}Kt") }.getOrNull()
                ?.declaredMethods.orEmpty().filter { java.lang.reflect.Modifier.isPublic(it.modifiers) }
                .mapNotNull { it.kotlinFunction }
                .map { function ->
                    val receiver = function.parameters.firstOrNull { it.kind == KParameter.Kind.EXTENSION_RECEIVER }
                    val owner = receiver?.type?.toString()?.substringAfterLast('.')?.let { type ->
                        if (receiver.type.toString().endsWith(".Companion")) {
                            receiver.type.toString().split('.').takeLast(2).joinToString(".")
                        } else type
                    }
                    listOfNotNull(owner, function.name).joinToString(".")
                }
            classes + facade
        }.toSet()
        assertEquals(emptySet<String>(), declared - kotlinOnly, "hand-written and not in intended-differences.txt")
        assertEquals(emptySet<String>(), kotlinOnly - declared, "listed in intended-differences.txt but not declared")
        val unknownRenames = renames.keys.filter { rust ->
            listOf("objects", "records", "enums").none { key ->
                surface.getJSONArray(key).objects().any { it.getString("name") == rust }
            }
        }
        assertEquals(emptyList<String>(), unknownRenames, "renamed in intended-differences.txt but not in the surface")
    }

    @Test
    fun `the Swift snapshot names everything in the surface`() {
        val swift = File(property("insurup.swift.snapshots")).listFiles { file -> file.extension == "swift" }!!
            .joinToString("\n") { it.readText() }
        val missing = mutableListOf<String>()
        fun expect(name: String, where: String) {
            if (!Regex("""\b${Regex.escape(name)}\b""").containsMatchIn(swift)) missing += "$name ($where)"
        }
        for (key in listOf("objects", "callbacks")) {
            for (entry in surface.getJSONArray(key).objects()) {
                expect(typeName(entry.getString("name")), key)
                entry.getJSONArray("methods").objects().forEach { expect(camel(it.getString("name")), entry.getString("name")) }
                entry.optJSONArray("constructors")?.objects().orEmpty()
                    .filter { it.getString("name") != "new" }
                    .forEach { expect(camel(it.getString("name")), entry.getString("name")) }
            }
        }
        for (record in surface.getJSONArray("records").objects()) {
            expect(typeName(record.getString("name")), "records")
            record.getJSONArray("fields").strings().forEach { expect(camel(it), record.getString("name")) }
        }
        for (enum in surface.getJSONArray("enums").objects()) {
            expect(typeName(enum.getString("name")), "enums")
            enum.getJSONArray("variants").strings().forEach {
                expect(it.replaceFirstChar(Char::lowercaseChar), enum.getString("name"))
            }
        }
        surface.getJSONArray("functions").objects().forEach { expect(camel(it.getString("name")), "functions") }
        surface.getJSONArray("errorKinds").strings().forEach { expect(it.removeSuffix("Error"), "errorKinds") }
        assertEquals(emptyList<String>(), missing)
    }
}
