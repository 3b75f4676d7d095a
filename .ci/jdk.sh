# Sourced by .ci/run and benchmarks/run: exports JAVA_HOME (and PATH) for a JDK 21+, or exits.
# Keeps a JAVA_HOME that is already 21+, else the default java if it is, else the newest JDK 21+ installed beside it,
# else the distribution's package.

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}

usable() {
    [ -n "${1:-}" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(java_major "$1")" -ge 21 ]
}

if ! usable "${JAVA_HOME:-}"; then
    JAVA_HOME=""
    default_java=$(command -v java || true)
    if [ -n "$default_java" ]; then
        candidate=$(dirname "$(dirname "$(readlink -f "$default_java")")")
        usable "$candidate" && JAVA_HOME=$candidate
    fi
    if [ -z "$JAVA_HOME" ]; then
        # the newest JDK installed beside the default one
        for candidate in $(ls -d /usr/lib/jvm/*/ /opt/java/*/ /opt/*jdk*/ 2>/dev/null | sed 's:/$::'); do
            if usable "$candidate"; then
                if [ -z "$JAVA_HOME" ] || [ "$(java_major "$candidate")" -gt "$(java_major "$JAVA_HOME")" ]; then
                    JAVA_HOME=$candidate
                fi
            fi
        done
    fi
    if [ -z "$JAVA_HOME" ] && command -v apt-get >/dev/null 2>&1; then
        echo "No JDK 21+ found; trying the distribution's packages" >&2
        apt-get update -qq && (apt-get install -y -qq openjdk-21-jdk-headless || apt-get install -y -qq openjdk-25-jdk-headless) >&2 || true
        for candidate in /usr/lib/jvm/java-21-openjdk-* /usr/lib/jvm/java-25-openjdk-*; do
            usable "$candidate" && JAVA_HOME=$candidate && break
        done
    fi
    if [ -z "$JAVA_HOME" ]; then
        echo "This build needs a JDK 21 or newer and none was found. Set JAVA_HOME to one." >&2
        exit 1
    fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
echo "Using JDK $(java_major "$JAVA_HOME") at $JAVA_HOME"
