"""The language server itself: pygls glue between the editor and chrono.server's parts.

Documents are checked as they are opened, changed (after ``debounce`` seconds without a
change) and saved, on one background thread (chrono.server.worker) that abandons the check of
text that has changed since. Results are published on the event loop's thread, and only when
they are of the document's current version. Hover and code actions answer from the last check.

The only module that imports pygls: ``chrono`` without the ``server`` extra never loads it.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import attrs
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from chrono.limits import TimeBudgetExceeded
from chrono.model import Finding, LocatedSpan, Severity
from chrono.options import Options
from chrono.printable import for_terminal
from chrono.problems import ProblemKind
from chrono.registry import all_rules
from chrono.server.actions import rule_page, suppression_edit
from chrono.server.checker import Checker
from chrono.server.documents import CONFIG_ERRORS, Checked, Source, check_text, excluded
from chrono.server.hover import hover_at
from chrono.server.positions import UTF8, UTF16, UTF32, LineMap
from chrono.server.worker import Job, Worker
from chrono.version import __version__

logger = logging.getLogger("chrono.server")

SOURCE = "chrono"
SHOW_RULE = "chrono.showRuleDocumentation"
WARM_UP, WARM_UP_TEXT = (
    "(warm-up)",
    "---\ndate: 2024-05-06\n---\nThe bridge opened on 3 May, two days after the vote.\n",
)
DEFAULT_DEBOUNCE = 0.1  # seconds without a change before a changed document is checked

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# What a document's check may end in instead of its dates being checked.
_NOT_CHECKED = frozenset(
    {ProblemKind.INTERNAL, ProblemKind.UNREADABLE, ProblemKind.TOO_LARGE, ProblemKind.TIME_LIMIT}
)
_ENCODINGS: dict[str, str] = {
    types.PositionEncodingKind.Utf16.value: UTF16,
    types.PositionEncodingKind.Utf32.value: UTF32,
    types.PositionEncodingKind.Utf8.value: UTF8,
}


@attrs.frozen
class Result:
    """The last check of an open document that was published."""

    version: int | None
    checked: Checked
    lines: LineMap


class ChronoProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]) -> Any:
        """A request whose parameters do not fit its method gets an error response, as JSON-RPC
        asks (pygls would only log it, and the client would wait for ever); then it is logged."""
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            method = data.get("method")
            described = type(error)(f"{method}: {error.message}", error.code)
            if "id" in data and isinstance(method, str):
                self._send_response(data["id"], None, described.to_response_error())
            raise described from error


class ChronoServer(LanguageServer):
    def report_server_error(self, error: Exception, source: Any) -> None:
        """Out-of-band errors (a message that is not JSON, a handler that failed): logged, in the
        client's log and on stderr, and the server goes on. (pygls would pop up a message.)"""
        logger.error("%s", error)
        self.window_log_message(
            types.LogMessageParams(types.MessageType.Error, f"chrono server: {type(error).__name__}: {error}")
        )


class Session:
    """The state of one editor connection: open documents' last results, pending checks."""

    def __init__(self, server: ChronoServer, debounce: float) -> None:
        self.server = server
        self.debounce = debounce
        self.worker = Worker()
        self.checker = Checker()  # configurations and results kept between checks
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.results: dict[str, Result] = {}
        self.encoding = UTF16
        self.related_information = False
        self.docs = Path(tempfile.mkdtemp(prefix="chrono-rules-"))
        atexit.register(shutil.rmtree, self.docs, True)  # also when the client never says shutdown

    # -- lifecycle ------------------------------------------------------------------------------

    def initialize(self, params: types.InitializeParams) -> None:
        negotiated = self.server.workspace.position_encoding  # pygls picks it from the client's offer
        self.encoding = _ENCODINGS.get(str(getattr(negotiated, "value", negotiated)), UTF16)
        publish = params.capabilities.text_document and params.capabilities.text_document.publish_diagnostics
        self.related_information = bool(publish and publish.related_information)
        for rule in all_rules():
            (self.docs / f"{rule.code}.md").write_text(rule_page(rule), encoding="utf-8")
        # lexicons, patterns and rules load on first use: once now, not in the first document's check
        warm_up = Source(None, "markdown", ".md")
        self.worker.submit(Job(WARM_UP, lambda: check_text(WARM_UP_TEXT, warm_up, Options()), lambda _: None))

    def shutdown(self) -> None:
        for timer in self.timers.values():
            timer.cancel()
        self.timers.clear()
        self.worker.close()
        shutil.rmtree(self.docs, ignore_errors=True)

    # -- checking -------------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds unless it changes again; a check of older text
        that is running is abandoned now."""
        self.worker.abandon(uri)
        pending = self.timers.pop(uri, None)
        if pending is not None:
            pending.cancel()
        loop = asyncio.get_running_loop()
        if delay <= 0:
            self.start(uri)
        else:
            self.timers[uri] = loop.call_later(delay, self.start, uri)

    def _fallback(self) -> Path:
        root = self.server.workspace.root_path
        return Path(root) if root else Path.cwd()

    def start(self, uri: str) -> None:
        self.timers.pop(uri, None)
        document = self.server.workspace.text_documents.get(uri)
        if document is None:
            return
        path = to_fs_path(uri)
        source = Source.of(Path(path) if path else None, document.language_id)
        if source is None:
            return
        text, version = document.source, document.version
        try:
            configured = self.checker.configured(source, self._fallback())
        except CONFIG_ERRORS as error:
            self.log(types.MessageType.Error, f"{source.display}: {error}")
            self.finish(
                uri, version, source, Checked(text, problem=f"chrono cannot check this file: {error}")
            )
            return
        options = configured.options
        if excluded(source, options):
            self.finish(uri, version, source, Checked(text))
            return
        loop = asyncio.get_running_loop()
        queued = time.perf_counter()

        def done(outcome: Any) -> None:  # on the worker's thread
            logger.info(
                "%s version %s checked %.3f s after it was queued",
                source.display,
                version,
                time.perf_counter() - queued,
            )
            loop.call_soon_threadsafe(self.finish, uri, version, source, outcome)

        work = lambda: self.checker.check(uri, text, source, configured)  # noqa: E731
        job = Job(uri, work, done, options.reading.time_limit)
        self.worker.submit(job)

    def finish(self, uri: str, version: int | None, source: Source, outcome: Any) -> None:
        """Publish a check's outcome, if it is of the document's current version."""
        document = self.server.workspace.text_documents.get(uri)
        if document is None or document.version != version:
            return
        text = document.source
        if isinstance(outcome, TimeBudgetExceeded):
            outcome = Checked(
                text, problem="checking this file took longer than its budget and was abandoned"
            )
        elif not isinstance(outcome, Checked):
            message = f"chrono crashed checking {source.display}: {type(outcome).__name__}: {outcome}"
            self.log(types.MessageType.Error, message)
            outcome = Checked(text, problem=message)
        lines = LineMap.of(outcome.text, self.encoding)
        self.results[uri] = Result(version, outcome, lines)
        problems = outcome.analysis.problems if outcome.analysis else ()
        for problem in problems:
            if problem.kind in _NOT_CHECKED:  # bad input: worth a line in the client's log too
                self.log(types.MessageType.Error, f"{source.display}: {problem.message}")
        diagnostics = [self.diagnostic(uri, lines, finding) for finding in outcome.findings]
        if outcome.problem:
            diagnostics.insert(0, self.problem(outcome.problem))
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def close(self, uri: str) -> None:
        pending = self.timers.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.worker.abandon(uri)
        self.results.pop(uri, None)
        self.checker.forget(uri)
        self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def log(self, kind: types.MessageType, message: str) -> None:
        logger.log(logging.ERROR if kind == types.MessageType.Error else logging.INFO, "%s", message)
        self.server.window_log_message(types.LogMessageParams(kind, message))

    # -- what the editor shows ------------------------------------------------------------------

    def range(self, lines: LineMap, start: int, end: int) -> types.Range:
        first, last = lines.position(start), lines.position(end)
        return types.Range(types.Position(*first), types.Position(*last))

    def diagnostic(self, uri: str, lines: LineMap, finding: Finding) -> types.Diagnostic:
        primary = finding.spans[0] if finding.spans else None
        where = self.range(lines, primary.start, primary.end) if primary else self.range(lines, 0, 0)
        related = [
            types.DiagnosticRelatedInformation(
                types.Location(uri, self.range(lines, span.start, span.end) if span else where), text
            )
            for text, span in _related(finding)
        ]
        message = for_terminal(finding.message)
        if related and not self.related_information:  # the client cannot show them apart: say them
            message += "".join(
                f"\n{item.message} (line {item.location.range.start.line + 1})" for item in related
            )
        return types.Diagnostic(
            range=where,
            message=message,
            severity=_SEVERITIES[finding.severity],
            code=finding.rule,
            code_description=types.CodeDescription(href=(self.docs / f"{finding.rule}.md").as_uri()),
            source=SOURCE,
            related_information=related or None,
        )

    def problem(self, message: str) -> types.Diagnostic:
        return types.Diagnostic(
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            message=message,
            severity=types.DiagnosticSeverity.Error,
            source=SOURCE,
        )

    def current(self, uri: str) -> Result | None:
        """The last result of ``uri`` if it is of the text the editor has now."""
        result = self.results.get(uri)
        document = self.server.workspace.text_documents.get(uri)
        if result is None or document is None or result.checked.text != document.source:
            return None
        return result

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        result = self.current(params.text_document.uri)
        if result is None or result.checked.analysis is None:
            return None
        offset = result.lines.offset(params.position.line, params.position.character)
        found = hover_at(result.checked.analysis, offset, result.checked.hemisphere)
        if found is None:
            return None
        markdown, span = found
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=markdown),
            range=self.range(result.lines, span.start, span.end),
        )

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """For each of chrono's diagnostics in the request: the suppression (computed on the text
        the editor has now, even while its check is pending) and the rule's documentation."""
        uri = params.text_document.uri
        document = self.server.workspace.text_documents.get(uri)
        path = to_fs_path(uri)
        source = Source.of(Path(path) if path else None, document.language_id) if document else None
        if document is None or source is None:
            return []
        text = document.source
        lines = LineMap.of(text, self.encoding)
        actions: list[types.CodeAction] = []
        seen: set[tuple[str, int]] = set()
        names = {rule.code: rule.name for rule in all_rules()}
        for diagnostic in params.context.diagnostics:
            code = diagnostic.code
            if diagnostic.source != SOURCE or not isinstance(code, str) or code not in names:
                continue
            line = diagnostic.range.start.line
            if (code, line) in seen:
                continue
            seen.add((code, line))
            edit = suppression_edit(text, source.suffix, line, code)
            if edit is not None:
                change = types.TextEdit(self.range(lines, edit.start, edit.end), edit.text)
                actions.append(
                    types.CodeAction(
                        title=f"Suppress {code} on this line",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        edit=types.WorkspaceEdit(changes={uri: [change]}),
                    )
                )
            title = f"Show documentation for {code} ({names[code]})"
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    command=types.Command(title=title, command=SHOW_RULE, arguments=[code]),
                )
            )
        return actions

    def show_rule(self, code: str) -> None:
        """Open the rule's documentation page in the editor."""
        page = self.docs / f"{code.upper()}.md"
        if not page.is_file():
            self.log(types.MessageType.Warning, f"no rule {code!r} (see `chrono rules`)")
            return
        self.server.window_show_document(types.ShowDocumentParams(uri=page.as_uri(), take_focus=True))


def _related(finding: Finding) -> list[tuple[str, LocatedSpan | None]]:
    """The related information of a finding: its explanation chain, one statement each; for a
    finding without one, the other spans it cites."""
    if finding.explanation:
        return [(f"{n}. {step.text}", step.span) for n, step in enumerate(finding.explanation, start=1)]
    return [
        (f"{span.role}: {span.note or span.text}", span)
        for span in finding.spans[1:]
        if span.note or span.text
    ]


def create_server(debounce: float = DEFAULT_DEBOUNCE) -> ChronoServer:
    """The server, its features registered (pygls marks the handlers, so they are functions)."""
    server = ChronoServer("chrono", __version__, protocol_cls=ChronoProtocol)
    session = Session(server, debounce)

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        session.initialize(params)

    @server.feature(types.SHUTDOWN)
    def shutdown(params: None) -> None:
        session.shutdown()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        session.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        session.schedule(params.text_document.uri, session.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        session.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        session.close(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        return session.hover(params)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        return session.code_actions(params)

    @server.command(SHOW_RULE)
    def show_rule(code: str) -> None:
        session.show_rule(code)

    return server
