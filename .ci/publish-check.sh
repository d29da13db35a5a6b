#!/usr/bin/env bash
# What a user of jproton gets, checked as that user would meet it:
#  1. a dry-run deploy of the reactor into target/staging-repo (nothing leaves the machine);
#  2. exactly the published artifacts are there: the parent POM, container-st, container-mt and
#     metrics-micrometer, each with its sources and Javadoc jars (container-st also with its test
#     kit); never examples, compat-tests, bench or fuzz-tests;
#  3. a throw-away application (.ci/consumer, a named module) built against the staging repository
#     runs helloworld on the class path and on the module path, once with container-st alone and
#     once with container-mt added (the dependency alone switches the container), and reads its
#     meters from a Micrometer SimpleMeterRegistry;
#  4. the same application, with io.jproton at DEBUG, shows a reconnect and a refused login in its
#     logs, and never the password.
# Run after a build (CI: .ci/run). Exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
staging=$root/target/staging-repo
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
fail() { echo "publish-check: $*" >&2; exit 1; }

rm -rf "$staging"
mvn -B -q deploy -DskipTests -Dmaven.install.skip=true -Dmaven.javadoc.failOnWarnings=false \
    -DaltDeploymentRepository="staging::file://$staging"

# the consumer build resolves jproton from the staging repository into the local one: remove it before
# (a stale copy would be used instead of the staged one) and after (this project never installs)
rm -rf "$HOME/.m2/repository/io/jproton/jproton-parent/$version" "$HOME/.m2/repository/io/jproton/container-st/$version" \
    "$HOME/.m2/repository/io/jproton/container-mt/$version" "$HOME/.m2/repository/io/jproton/metrics-micrometer/$version"
trap 'rm -rf "$HOME/.m2/repository/io/jproton/jproton-parent/$version" "$HOME/.m2/repository/io/jproton/container-st/$version" \
      "$HOME/.m2/repository/io/jproton/container-mt/$version" "$HOME/.m2/repository/io/jproton/metrics-micrometer/$version"' EXIT

echo "published artifacts (staging repository):"
( cd "$staging" && find . -type f \( -name '*.jar' -o -name '*.pom' \) | sed 's:^\./::' | sort ) | tee target/published.txt
expected=$(cat <<LIST
io/jproton/container-mt/$version/container-mt-$version-javadoc.jar
io/jproton/container-mt/$version/container-mt-$version-sources.jar
io/jproton/container-mt/$version/container-mt-$version.jar
io/jproton/container-mt/$version/container-mt-$version.pom
io/jproton/container-st/$version/container-st-$version-javadoc.jar
io/jproton/container-st/$version/container-st-$version-sources.jar
io/jproton/container-st/$version/container-st-$version-tests.jar
io/jproton/container-st/$version/container-st-$version.jar
io/jproton/container-st/$version/container-st-$version.pom
io/jproton/jproton-parent/$version/jproton-parent-$version.pom
io/jproton/metrics-micrometer/$version/metrics-micrometer-$version-javadoc.jar
io/jproton/metrics-micrometer/$version/metrics-micrometer-$version-sources.jar
io/jproton/metrics-micrometer/$version/metrics-micrometer-$version.jar
io/jproton/metrics-micrometer/$version/metrics-micrometer-$version.pom
LIST
)
[ "$(cat target/published.txt)" = "$expected" ] || fail "the published artifacts differ from the expected list:
$(diff <(echo "$expected") target/published.txt || true)"

# what Maven Central asks of every published POM (here through the parent): licence, url, scm, developers
parent=$staging/io/jproton/jproton-parent/$version/jproton-parent-$version.pom
for tag in '<licenses>' '<url>' '<scm>' '<developers>' '<description>'; do
    grep -q "$tag" "$parent" || fail "the parent POM has no $tag"
done
# (listings are read whole before grep: with pipefail, grep -q stopping early would fail unzip's pipe)
for m in container-st container-mt metrics-micrometer; do
    grep -q '<description>' "$staging/io/jproton/$m/$version/$m-$version.pom" || fail "$m's POM has no description"
    docs=$(unzip -l "$staging/io/jproton/$m/$version/$m-$version-javadoc.jar")
    if grep -q 'internal' <<<"$docs"; then fail "$m's Javadoc shows internal packages"; fi
    classes=$(unzip -l "$staging/io/jproton/$m/$version/$m-$version.jar")
    grep -q 'module-info.class' <<<"$classes" || fail "$m has no module descriptor"
done
docs=$(unzip -l "$staging/io/jproton/container-st/$version/container-st-$version-javadoc.jar")
grep -Eq ' (io\.jproton/)?io/jproton/Container\.html$' <<<"$docs" || fail "container-st's Javadoc has no io.jproton.Container"

# the throw-away application, on each container, class path and module path
consumer=$root/.ci/consumer
for c in st mt; do
    rm -rf "$consumer/target"
    mvn -B -q -f "$consumer/pom.xml" -P$c -Dstaging.url="file://$staging" -Djproton.version="$version" \
        package dependency:copy-dependencies -DoutputDirectory="$consumer/target/lib"
    out=$(timeout 60 java -cp "$consumer/target/classes:$consumer/target/lib/*" sample.Hello)
    echo "class path, $c: $out"
    meters="meters: sent 1, received 1, accepted 1, connections open 0"
    [ "$out" = "Hello World!
container: $c, module: null
$meters" ] || fail "class path, $c: unexpected output"
    out=$(timeout 60 java -p "$consumer/target/classes:$consumer/target/lib" -m sample/sample.Hello)
    echo "module path, $c: $out"
    [ "$out" = "Hello World!
container: $c, module: io.jproton
$meters" ] || fail "module path, $c: unexpected output"

    # what a person sees in the logs (slf4j-simple on stderr, io.jproton at DEBUG)
    debug=(-Dorg.slf4j.simpleLogger.log.io.jproton=debug)
    out=$(timeout 60 java "${debug[@]}" -p "$consumer/target/classes:$consumer/target/lib" -m sample/sample.Hello reconnect 2>&1)
    echo "reconnect, $c:"; echo "$out" | sed 's/^/    /'
    echo "$out" | grep -q '^reconnected: true$' || fail "reconnect, $c: did not reconnect"
    echo "$out" | grep -Eq 'INFO io\.jproton\.reconnect - connection to 127\.0\.0\.1:[0-9]+: transport lost \(proton:io: connect to 127\.0\.0\.1:[0-9]+ failed: Connection refused\); reconnect attempt 1 to 127\.0\.0\.1:[0-9]+ in [0-9]+ ms' \
        || fail "reconnect, $c: no INFO line for the attempt"
    echo "$out" | grep -Eq 'INFO io\.jproton\.reconnect - connection to 127\.0\.0\.1:[0-9]+: reconnected after 1 attempt' \
        || fail "reconnect, $c: no INFO line for the reconnect"
    echo "$out" | grep -Eq 'DEBUG io\.jproton\.connection - connection to 127\.0\.0\.1:[0-9]+: open, local /127\.0\.0\.1:[0-9]+, container ' \
        || fail "reconnect, $c: no DEBUG line for the open"
    out=$(timeout 60 java "${debug[@]}" -p "$consumer/target/classes:$consumer/target/lib" -m sample/sample.Hello auth 2>&1)
    echo "auth, $c:"; echo "$out" | sed 's/^/    /'
    echo "$out" | grep -q '^refused: amqp:unauthorized-access$' || fail "auth, $c: not refused"
    echo "$out" | grep -Eq 'INFO io\.jproton\.sasl - connection to 127\.0\.0\.1:[0-9]+: Authentication failed \[mech=SCRAM-SHA-512\]' \
        || fail "auth, $c: no INFO line for the refused login"
    if echo "$out" | grep -q 'Wrong-Pa55word'; then fail "auth, $c: the password is in the output"; fi
done
echo "publish-check: OK"
