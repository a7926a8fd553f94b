#!/usr/bin/env bash
# Integration check for the DashScope API key setup (the seed's ./test-qwen-apikey.sh).
#
#   QWEN_API_KEY=sk-... ./test-qwen-apikey.sh   real check against the configured region
#   ./test-qwen-apikey.sh                         same steps against the local fake server
#
# Steps: build, `models status --probe`, a one-line chat, a streamed chat, a chat
# through an alias, `doctor`. Each step is reported; the exit status is the number
# of failed steps (0 = all passed). The key is never printed nor passed in argv.
set -u
cd "$(dirname "$0")"

NODE=node_modules/.bin/node
[ -x "$NODE" ] || NODE=node
CLI=(dist/cli.js)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/qwen-apikey-test.XXXXXX")
FAKE_PID=
FAILED=0
PASSED=0

cleanup() {
	if [ -n "$FAKE_PID" ]; then kill "$FAKE_PID" 2>/dev/null; wait "$FAKE_PID" 2>/dev/null; fi
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
	OK=$'\e[32m✓\e[0m' BAD=$'\e[31m✗\e[0m'
else
	OK='ok  ' BAD='FAIL'
fi

# Fails when the output of the last step contains the key (read from a pipe, not argv).
leaks_key() {
	[ -n "${KEY:-}" ] && printf '%s\n' "$KEY" | grep -qF -f - "$WORK/out" "$WORK/err" 2>/dev/null
}

# step NAME CHECK COMMAND...: runs COMMAND (stdout → $WORK/out, stderr → $WORK/err), then CHECK.
step() {
	local name=$1 check=$2
	shift 2
	"$@" >"$WORK/out" 2>"$WORK/err" </dev/null
	local code=$?
	local why=
	if [ $code -ne 0 ]; then
		why="exit status $code"
	elif leaks_key; then
		why='the output contains the API key'
	elif ! $check; then
		why=$CHECK_FAILED
	fi

	if [ -z "$why" ]; then
		PASSED=$((PASSED + 1))
		printf '%s %s\n' "$OK" "$name"
	else
		FAILED=$((FAILED + 1))
		printf '%s %s: %s\n' "$BAD" "$name" "$why"
		# Show what the command said (never the key: it was checked above).
		if ! leaks_key; then tail -n 15 "$WORK/out" "$WORK/err" 2>/dev/null | sed 's/^/      /'; fi
	fi
}

CHECK_FAILED=
passes() { return 0; }
has_answer() {
	[ -s "$WORK/out" ] && return 0
	CHECK_FAILED='no answer on stdout'
	return 1
}
probe_ok() {
	grep -q 'Probe: ok' "$WORK/out" && return 0
	CHECK_FAILED='the probe did not report the key as accepted'
	return 1
}
streamed() {
	has_answer || return 1
	grep -q 'tokens in' "$WORK/err" && return 0
	CHECK_FAILED='no token usage reported, so the stream did not complete (missing include_usage chunk)'
	return 1
}
alias_resolved() {
	has_answer || return 1
	grep -q 'qwen-plus' "$WORK/err" && return 0
	CHECK_FAILED='the alias "qwen" was not sent as qwen-plus'
	return 1
}

openclaw() { "$NODE" "${CLI[@]}" "$@"; }

echo "== build"
step 'npm run build' passes npm run build --silent

if [ -n "${QWEN_API_KEY:-}" ]; then
	KEY=$QWEN_API_KEY
	echo "== real check with QWEN_API_KEY against the configured region"
else
	echo "== no QWEN_API_KEY: using the local fake DashScope server in a temporary HOME"
	"$NODE" test/support/fake-dashscope-main.ts >"$WORK/fake.json" 2>"$WORK/fake.err" &
	FAKE_PID=$!
	for _ in $(seq 1 100); do
		[ -s "$WORK/fake.json" ] && break
		sleep 0.1
	done
	if [ ! -s "$WORK/fake.json" ]; then
		echo "$BAD the fake server did not start:"
		sed 's/^/      /' "$WORK/fake.err"
		exit 1
	fi

	# The region URLs become env vars; the fake's intl key goes into a shell variable only.
	eval "$("$NODE" -e '
		const info = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
		for (const [name, value] of Object.entries(info.env)) console.log(`export ${name}=${JSON.stringify(value)}`);
		console.log(`KEY=${JSON.stringify(info.keys.intl)}`);
	' "$WORK/fake.json")"
	export HOME="$WORK/home"
	mkdir -p "$HOME"
	unset OPENCLAW_HOME OPENCLAW_STATE_DIR OPENCLAW_CONFIG_PATH OPENCLAW_AGENT_DIR DASHSCOPE_API_KEY
	login() { printf '%s\n' "$KEY" | openclaw models auth login --provider qwen-portal --region intl; }
	step 'models auth login (key on stdin)' passes login
fi

echo "== checks"
step 'models status --probe' probe_ok openclaw models status --probe
step 'one-line chat' has_answer openclaw chat 'Reply with one short line: hello from test-qwen-apikey.sh'
step 'streamed chat (--verbose: usage arrives at the end of the stream)' streamed openclaw chat --verbose 'Count from 1 to 5, one number per line.'
step 'alias: --model qwen (qwen-plus)' alias_resolved openclaw chat --verbose --model qwen 'Say hi in three words.'
step 'doctor' passes openclaw doctor

echo
echo "$PASSED passed, $FAILED failed"
exit "$FAILED"
