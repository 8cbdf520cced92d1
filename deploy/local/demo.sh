# The demo district, loaded through the gateway by a full start.sh. Sourced by start.sh after the other parts.
# shellcheck shell=bash

# ---------------------------------------------------------------------------------------------- start

load_demo() {
    step "Demo data (through the gateway)"
    local gw=$PD_GATEWAY_URL token
    token=$(password_token grace demo) || die "could not get a token for grace from $KEYCLOAK_URL_EFFECTIVE"
    import_demo_roster "$token"
    # Before any completion is posted: an LMS client that no admin bound to its LMS may post nothing.
    demo_call "LMS client lms-connector bound to $DEMO_LMS" "$token" -X PUT "$gw/api/v1/learning/lms-clients/lms-connector" \
        -H 'Content-Type: application/json' -d "{\"lms\":\"$DEMO_LMS\"}"
    demo_offering "$token" "Formative Assessment Foundations" LMS-FA-101 \
        '{"title":"Formative Assessment Foundations","description":"Check for understanding every lesson: exit tickets, hinge questions and feedback students act on.","format":"ONLINE","durationMinutes":360,"creditHours":6,"creditType":"CLOCK_HOUR","category":"COURSEWORK","competencyTags":["formative-assessment","feedback"],"standards":["LEARNING_DESIGNS","CURRICULUM_ASSESSMENT_AND_INSTRUCTION"],"provider":"District PD Office","lmsCourses":[{"lms":"'"$DEMO_LMS"'","courseId":"LMS-FA-101"}]}'
    demo_offering "$token" "Classroom Discourse Micro-course" LMS-DISC-15 \
        '{"title":"Classroom Discourse Micro-course","description":"Talk moves that get every student reasoning aloud.","format":"MICRO","durationMinutes":15,"creditHours":0.25,"creditType":"CLOCK_HOUR","category":"COURSEWORK","competencyTags":["discourse"],"provider":"District PD Office","lmsCourses":[{"lms":"'"$DEMO_LMS"'","courseId":"LMS-DISC-15"}]}'
    demo_offering "$token" "Number Talks Workshop" "" \
        '{"title":"Number Talks Workshop","description":"Short daily number talks that build mental math and mathematical discourse.","format":"IN_PERSON","durationMinutes":120,"creditHours":2,"creditType":"CLOCK_HOUR","category":"WORKSHOP","competencyTags":["number-sense","discourse"],"standards":["LEARNING_DESIGNS"],"subject":"Mathematics","gradeBands":["K-2","3-5"],"provider":"District Math Team","requiredSessions":1}'
    demo_session "$token" "$DEMO_OFFERING_ID"
    await_demo_roster "$token"
    # HR's license file: TX, TX-PRO, NY, PA and IL teachers, some on track, some behind, one past their window.
    demo_call "licenses of the demo teachers (HR file)" "$(password_token henry demo)" \
        -X POST "$gw/api/v1/plans/licenses/imports" -F "licenses=@$PD_ROOT/deploy/demo/licenses.csv;type=text/csv"
    # Growth pathways for automatic assignment: the demo's novices (alice, kim, maya, pia) get the first, every
    # teacher the second, each from the start of its current cadence period.
    demo_template "$token" "New teacher pathway" \
        '{"schoolId":null,"name":"New teacher pathway","audience":{"careerStages":["novice"],"roles":["teacher"],"autoAssign":true},"cadence":{"kind":"SEMESTER","anchor":"2026-08-15"},"cycles":null,"stages":[{"name":"Learn","milestones":[{"key":"learn-hours","title":"Six hours of professional learning","required":true,"rule":{"type":"earn-hours","hours":6}}]},{"name":"Apply","choose":1,"milestones":[{"key":"plc","title":"A PLC meeting","required":false,"rule":{"type":"attend-sessions","count":1,"kind":"plc"}},{"key":"coaching","title":"A coaching session","required":false,"rule":{"type":"attend-sessions","count":1,"kind":"coaching"}}]},{"name":"Reflect with coach","milestones":[{"key":"reflect","title":"What I tried, why, and what happened for students","required":true,"rule":{"type":"reflection"}},{"key":"sign-off","title":"Coach sign-off","required":true,"rule":{"type":"coach-sign-off"}}]}]}'
    # Micro-credentials: ivy assesses; a teacher submits evidence for the first and earns both toward the stack.
    demo_assessor "$token" "$DEMO_IVY" ivy
    demo_definition "$token" "Formative Assessment in Practice" \
        '{"kind":"MICRO_CREDENTIAL","name":"Formative Assessment in Practice","description":"Uses exit tickets and hinge questions to adjust instruction within the lesson.","competency":"Formative assessment","keyMethod":"Exit tickets and hinge questions","researchBasis":"Black and Wiliam (1998), Inside the Black Box","evidence":[{"key":"lesson-plan","kind":"LESSON_PLAN","instructions":"A lesson plan with the exit ticket or hinge question you used"},{"key":"video","kind":"VIDEO_LINK","instructions":"Up to ten minutes of the lesson, where you adjust instruction"},{"key":"student-work","kind":"STUDENT_WORK","minimum":1,"maximum":3,"instructions":"Exit tickets from three students, before and after"},{"key":"reflection","kind":"REFLECTION","instructions":"What you tried, why, and what happened for students"}],"rubric":{"criteria":[{"key":"alignment","name":"The check aligns with the objective"},{"key":"adjustment","name":"Instruction changed from what students showed"},{"key":"impact","name":"Evidence of student learning"}],"levels":[{"score":1,"name":"Emerging"},{"score":2,"name":"Developing"},{"score":3,"name":"Proficient"},{"score":4,"name":"Exemplary"}],"passing":{"minimumLevel":3}},"review":{"assessors":1,"maxAttempts":3,"turnaroundDays":14},"creditHours":10,"validityMonths":36,"renewal":{"opensDaysBefore":90,"evidence":["reflection"]},"competencyTags":["formative-assessment","feedback"]}'
    demo_template "$token" "Growth for every teacher" \
        '{"schoolId":null,"name":"Growth for every teacher","audience":{"roles":["teacher"],"autoAssign":true},"cadence":{"kind":"SCHOOL_YEAR","anchor":"2026-08-01"},"cycles":null,"stages":[{"name":"Learn","milestones":[{"key":"hours","title":"Twelve hours of professional learning","required":true,"rule":{"type":"earn-hours","hours":12}}]},{"name":"Share","choose":1,"milestones":[{"key":"plc","title":"Two PLC meetings","required":false,"rule":{"type":"attend-sessions","count":2,"kind":"plc"}},{"key":"reflect","title":"A reflection shared with colleagues","required":false,"rule":{"type":"reflection"}}]}]}'
}

# The demo roster is a OneRoster 1.2 bulk bundle: importing it deactivates every educator it does not list. So it is
# imported once per state directory, and again only when the bundle changes, not on every start.sh: a restart in
# the middle of the system tests must not deactivate the educators they imported.
import_demo_roster() { # token
    local token=$1 demo=$PD_ROOT/deploy/demo sum location status body deadline=$((SECONDS + 120))
    sum=$(cat "$demo"/{manifest,orgs,users,roles,userProfiles}.csv | sha256sum | cut -d' ' -f1)
    if [[ -f $PD_STATE_DIR/demo-roster.sha256 && $(cat "$PD_STATE_DIR/demo-roster.sha256") == "$sum" ]]; then
        ok "demo roster imported already (deploy/demo unchanged)"
        return
    fi
    body=$(mktemp)
    location=$(curl -sS --max-time 60 -o "$body" -D - -H "Authorization: Bearer $token" \
        -X POST "$PD_GATEWAY_URL/api/v1/plans/roster/imports" \
        -F "manifest=@$demo/manifest.csv;type=text/csv" -F "orgs=@$demo/orgs.csv;type=text/csv" \
        -F "users=@$demo/users.csv;type=text/csv" -F "roles=@$demo/roles.csv;type=text/csv" \
        -F "userProfiles=@$demo/userProfiles.csv;type=text/csv" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
    # The service may answer with an absolute URL of its own address; the path is what the gateway routes.
    [[ $location == http* ]] && location=/${location#*://*/}
    [[ -n $location ]] || { echo "response body: $(head -c 2000 "$body")" >&2; rm -f "$body"; die "roster import was not accepted"; }
    while :; do
        curl -sS --max-time 10 -o "$body" -H "Authorization: Bearer $token" "$PD_GATEWAY_URL$location" || true
        status=$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' "$body")
        [[ $status == running && $SECONDS -lt $deadline ]] || break
        sleep 1
    done
    [[ $status == completed ]] || { echo "import: $(head -c 2000 "$body")" >&2; rm -f "$body"; die "roster import did not complete"; }
    ok "roster import (OneRoster 1.2 bulk): $(sed -n 's/.*"counts":\({[^}]*}\).*/\1/p' "$body")"
    rm -f "$body"
    echo "$sum" >"$PD_STATE_DIR/demo-roster.sha256"
}

# The roster reaches learning-service over Kafka, a moment after the import answered. Ready means the README tour
# works at once: every demo educator is known there, so a completion for alice is accepted, not held as unmatched.
await_demo_roster() { # token
    local token=$1 emails email missing deadline=$((SECONDS + 90))
    emails=$(grep -o '[A-Za-z0-9._%+-]*@district-demo\.example' "$PD_ROOT/deploy/demo/users.csv" | sort -u)
    while :; do
        missing=
        for email in $emails; do
            [[ $(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
                "$PD_GATEWAY_URL/api/v1/learning/learners/resolve?email=$email") == 200 ]] || { missing=$email; break; }
        done
        if [[ -z $missing ]]; then
            ok "learning-service knows all $(wc -w <<<"$emails") demo educators from the roster topic"
            return
        fi
        ((SECONDS < deadline)) || die_with_log "$LOG_DIR/learning-service.log" \
            "learning-service still does not know $missing from the roster after 90 s"
        sleep 1
    done
}

DEMO_LMS=demo-lms
# jack, the demo facilitator, and ivy, the assessor (their educator_id in deploy/keycloak/district-realm.json)
DEMO_JACK=2f19c82f-f21b-3b60-adfd-a57d9495a968
DEMO_IVY=c1c79e25-8a92-3188-b144-6fde8ca6e12b

password_token() { # username password
    curl -fsS --max-time 20 "$KEYCLOAK_URL_EFFECTIVE/realms/district/protocol/openid-connect/token" \
        -d grant_type=password -d client_id=pd-web -d username="$1" -d password="$2" \
        | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' | grep .
}

# An offering already in the catalog is not posted again, whatever the service answers for duplicates. It still gets
# its course mapped for the demo LMS (a catalog made before course mappings were per LMS has it under 'legacy'), and
# it is published: new offerings start as drafts, and publishing one that is published changes nothing.
demo_offering() { # token title lms-course-id-or-empty json
    local token=$1 title=$2 course=$3 json=$4 id
    id=$(demo_offering_id "$token" "$title" PUBLISHED) || id=
    [[ -n $id ]] || id=$(demo_offering_id "$token" "$title" DRAFT) || id=
    if [[ -n $id ]]; then
        ok "offering '$title' exists already"
        [[ -z $course ]] || demo_call "offering '$title' mapped to $DEMO_LMS course $course" "$token" -X POST \
            "$PD_GATEWAY_URL/api/v1/learning/offerings/$id/lms-courses" -H 'Content-Type: application/json' \
            -d "{\"lms\":\"$DEMO_LMS\",\"courseId\":\"$course\"}"
    else
        id=$(curl -fsS --max-time 20 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -X POST "$PD_GATEWAY_URL/api/v1/learning/offerings" -d "$json" \
            | sed -n 's/^{"id":"\([0-9a-f-]\{36\}\)".*/\1/p') || id=
        [[ -n $id ]] || die "offering '$title' could not be created"
        ok "offering '$title': created"
    fi
    demo_call "offering '$title' published" "$token" -X POST "$PD_GATEWAY_URL/api/v1/learning/offerings/$id/publish"
    DEMO_OFFERING_ID=$id
}

demo_offering_id() { # token title status
    curl -fsS --max-time 20 -G -H "Authorization: Bearer $1" "$PD_GATEWAY_URL/api/v1/learning/offerings" \
        --data-urlencode "q=$2" --data-urlencode "status=$3" --data-urlencode "size=200" 2>/dev/null \
        | sed -n "s/.*\"id\":\"\([0-9a-f-]\{36\}\)\",\"title\":\"$2\".*/\1/p" | head -1 | grep .
}

# The workshop's demo session is scheduled once, a week after the offering is first made: jack facilitates it.
demo_session() { # token offering-id
    local token=$1 offering=$2 starts
    if curl -fsS --max-time 20 -H "Authorization: Bearer $token" \
        "$PD_GATEWAY_URL/api/v1/learning/offerings/$offering/sessions" 2>/dev/null | grep -q '"id"'; then
        ok "the workshop's session is scheduled already"
        return
    fi
    starts=$(date -u -d "+7 days" +%Y-%m-%dT15:30:00Z)
    demo_call "a session of the workshop on ${starts%%T*}" "$token" -X POST \
        "$PD_GATEWAY_URL/api/v1/learning/offerings/$offering/sessions" -H 'Content-Type: application/json' \
        -d "{\"startsAt\":\"$starts\",\"endsAt\":\"${starts%%T*}T17:30:00Z\",\"location\":\"Lincoln Elementary, library\",\"capacity\":20,\"facilitatorId\":\"$DEMO_JACK\"}"
}

# A template is posted once: one with the same name in the district's list is left as it is.
demo_template() { # token name json
    local token=$1 name=$2 json=$3
    if curl -fsS --max-time 20 -H "Authorization: Bearer $token" "$PD_GATEWAY_URL/api/v1/plans/templates?size=200" \
        2>/dev/null | grep -q "\"name\":\"$name\""; then
        ok "pathway template '$name' exists already"
        return
    fi
    demo_call "pathway template '$name'" "$token" -X POST "$PD_GATEWAY_URL/api/v1/plans/templates" \
        -H 'Content-Type: application/json' -d "$json"
}

# An assessor is an educator credentials-service knows from the roster topic: it may take a moment to arrive.
demo_assessor() { # token educator-id name
    local token=$1 educator=$2 name=$3 code deadline=$((SECONDS + 90))
    while :; do
        code=$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' -X POST "$PD_GATEWAY_URL/api/v1/credentials/assessors" \
            -d "{\"educatorId\":\"$educator\"}") || code=000
        case $code in
            200) ok "$name assesses micro-credential evidence"; return ;;
            409) ok "$name assesses micro-credential evidence already"; return ;;
        esac
        ((SECONDS < deadline)) || die_with_log "$LOG_DIR/credentials-service.log" \
            "credentials-service did not take $name as an assessor (HTTP $code) within 90 s"
        sleep 1
    done
}

# A credential definition is made and published once: one of the same name is left as it is.
demo_definition() { # token name json
    local token=$1 name=$2 json=$3 id
    if curl -fsS --max-time 20 -H "Authorization: Bearer $token" \
        "$PD_GATEWAY_URL/api/v1/credentials/definitions?all=true&size=200" 2>/dev/null | grep -q "\"name\":\"$name\""; then
        ok "credential '$name' exists already"
        return
    fi
    id=$(curl -fsS --max-time 20 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -X POST "$PD_GATEWAY_URL/api/v1/credentials/definitions" -d "$json" \
        | sed -n 's/^{"id":"\([0-9a-f-]\{36\}\)".*/\1/p') || id=
    [[ -n $id ]] || die "credential '$name' could not be defined"
    demo_call "credential '$name' defined and published" "$token" -X POST \
        "$PD_GATEWAY_URL/api/v1/credentials/definitions/$id/publication"
}

demo_call() { # label token curl-args...
    local label=$1 token=$2 body code; shift 2
    body=$(mktemp)
    code=$(curl -sS --max-time 60 -o "$body" -w '%{http_code}' -H "Authorization: Bearer $token" "$@") || code=000
    case $code in
        2??) ok "$label: HTTP $code" ;;
        409) ok "$label: exists already (HTTP 409)" ;;
        *) echo "response body: $(head -c 2000 "$body")" >&2; rm -f "$body"; die "$label failed: HTTP $code" ;;
    esac
    rm -f "$body"
}
