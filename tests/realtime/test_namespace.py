from .conftest import op, received


def test_refused_connections_say_why(connect, room) -> None:
    for auth in ({"code": "ZZZZZZ", "role": "participant"}, {"code": room["code"], "role": "admin"},
                 {"code": room["code"], "role": "moderator"},
                 {"code": room["code"], "role": "moderator", "token": "wrong-token-wrong-token"}):
        client = connect(**auth)
        assert not client.is_connected()


def test_every_connect_gets_the_full_state(connect, room) -> None:
    phone = connect(code=room["code"], role="participant")
    state = received(phone, "room_state")[0]
    assert state["role"] == "participant"
    assert state["room"]["code"] == room["code"] and state["participant_token"]
    again = connect(code=room["code"], role="participant", token=state["participant_token"])
    assert received(again, "room_state")[0]["participant"]["id"] == state["participant"]["id"]
    screen = connect(code=room["code"], role="screen")
    assert received(screen, "room_state")[0]["role"] == "screen"


def test_the_live_loop(connect, room, app) -> None:
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    screen = connect(code=room["code"], role="screen")
    phone = connect(code=room["code"], role="participant")
    for client in (moderator, screen, phone):
        client.get_received()
    created = moderator.emit("create_activity", {"type": "brainstorm", "prompt": "Vos priorités ?", "config": {},
                                                 "op_id": op()}, callback=True)
    assert created["ok"] is True
    assert moderator.emit("set_phase", {"activity_id": created["activity_id"], "phase": "open", "op_id": op()},
                          callback=True) == {"ok": True, "phase": "open"}
    opened = received(phone, "activity_changed")[-1]
    assert opened["activity"]["phase"] == "open" and opened["current_activity_id"] == created["activity_id"]
    op_id = op()
    ack = phone.emit("submit_idea", {"activity_id": created["activity_id"], "text": "Accès aux soins", "op_id": op_id},
                     callback=True)
    assert ack["ok"] is True
    assert received(screen, "ideas_submitted")[0]["ideas"][0]["text"] == "Accès aux soins"
    assert received(moderator, "ideas_submitted")[0]["ideas"][0]["participant"].startswith("p_")
    assert received(phone, "ideas_submitted") == []  # phones learn from their ack, not from a broadcast
    assert phone.emit("submit_idea", {"activity_id": created["activity_id"], "text": "Accès aux soins", "op_id": op_id},
                      callback=True) == ack
    assert moderator.emit("hide_idea", {"idea_id": ack["idea_id"], "op_id": op()}, callback=True) == {"ok": True}
    assert received(screen, "idea_changed")[0]["idea"]["on_wall"] is False


def test_errors_come_back_in_the_ack_translated(connect, room) -> None:
    phone = connect(code=room["code"], role="participant", lang="en")
    ack = phone.emit("submit_idea", {"activity_id": 12345, "text": "x", "op_id": op()}, callback=True)
    assert ack == {"ok": False, "error": {"code": "unknown_activity",
                                          "message": "This activity does not exist in this room."}}
    assert phone.emit("submit_idea", "not an object", callback=True)["error"]["code"] == "invalid_payload"


def test_participants_cannot_run_moderator_commands(connect, room) -> None:
    phone = connect(code=room["code"], role="participant", lang="en")
    ack = phone.emit("create_activity", {"type": "brainstorm", "prompt": "x", "config": {}}, callback=True)
    assert ack["error"]["code"] == "forbidden"
    screen = connect(code=room["code"], role="screen")
    assert screen.emit("submit_idea", {"activity_id": 1, "text": "x", "op_id": op()}, callback=True)["error"]["code"] == "forbidden"


def test_moderator_of_another_event_is_refused(connect, room, app) -> None:
    from workshop.services.events import create_event

    other = create_event(app.extensions["workshop"], title="Autre", room_names=["r"])
    client = connect(code=room["code"], role="moderator", token=other.moderator_token)
    assert not client.is_connected()


def test_results_and_presence_are_coalesced(connect, room, app) -> None:
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    screen = connect(code=room["code"], role="screen")
    phones = [connect(code=room["code"], role="participant") for _ in range(3)]
    poll = moderator.emit("create_activity", {"type": "poll", "prompt": "Priorité ?", "config": {"options": ["a", "b"]}},
                          callback=True)["activity_id"]
    moderator.emit("set_phase", {"activity_id": poll, "phase": "open"}, callback=True)
    for client in (moderator, screen):
        client.get_received()
    for phone in phones:
        assert phone.emit("cast_votes", {"activity_id": poll, "allocations": [{"target_id": 0, "points": 1}],
                                         "op_id": op()}, callback=True) == {"ok": True}
    publisher = app.extensions["workshop"].publisher
    publisher.flush()
    moderator_messages = moderator.get_received()
    results = [m["args"][0] for m in moderator_messages if m["name"] == "results_updated"]
    assert len(results) == 1 and results[0]["results"]["respondents"] == 3
    assert [m["args"][0] for m in moderator_messages if m["name"] == "presence_changed"] == [{"connected": 3}]
    screen_names = [m["name"] for m in screen.get_received()]
    assert "results_updated" not in screen_names  # not revealed, not live
    phones[0].disconnect()
    publisher.flush()
    assert received(screen, "presence_changed") == [{"connected": 2}]
    # Revealed: one snapshot reaches the console, the projector and the phones, once each.
    for phase in ("closed", "revealed"):
        assert moderator.emit("set_phase", {"activity_id": poll, "phase": phase}, callback=True)["ok"] is True
    for client in (moderator, screen, *phones[1:]):
        client.get_received()
    publisher.changes.results_changed(poll)
    publisher.flush()
    for client in (moderator, screen, *phones[1:]):
        shown = received(client, "results_updated")
        assert len(shown) == 1 and shown[0]["results"]["respondents"] == 3


def test_clustering_commands_are_logged_under_the_moderators_credential(connect, room, app) -> None:
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    screen = connect(code=room["code"], role="screen")
    phone = connect(code=room["code"], role="participant")
    brainstorm = moderator.emit("create_activity", {"type": "brainstorm", "prompt": "Idées ?", "config": {},
                                                    "op_id": op()}, callback=True)["activity_id"]
    moderator.emit("set_phase", {"activity_id": brainstorm, "phase": "open", "op_id": op()}, callback=True)
    ideas = [phone.emit("submit_idea", {"activity_id": brainstorm, "text": text, "op_id": op()}, callback=True)["idea_id"]
             for text in ("Hôpital", "AMO pour tous", "École")]
    cluster = moderator.emit("create_cluster", {"activity_id": brainstorm, "label": "Santé", "idea_ids": ideas[:2],
                                                "op_id": op()}, callback=True)
    assert cluster["ok"] is True
    assert moderator.emit("undo_clustering", {"activity_id": brainstorm, "op_id": op()}, callback=True)["ok"] is True
    log = moderator.emit("get_clustering_log", {"activity_id": brainstorm}, callback=True)["log"]
    assert [(entry["kind"], entry["actor"], entry["undone"]) for entry in log] == [
        ("create_cluster", f"event {room['event_id']}", True)]
    assert phone.emit("create_cluster", {"activity_id": brainstorm, "label": "x"}, callback=True)["error"]["code"] == \
        "forbidden"
    screen.get_received()
    moderator.emit("create_cluster", {"activity_id": brainstorm, "label": "Santé", "idea_ids": ideas[:2]}, callback=True)
    app.extensions["workshop"].publisher.flush()
    board = received(screen, "results_updated")[-1]["results"]["board"]
    assert [(column["label"], len(column["ideas"])) for column in board["clusters"]] == [("Santé", 2)]


def test_suggest_clusters_answers_in_the_ack(connect, room) -> None:
    moderator = connect(code=room["code"], role="moderator", token=room["token"], lang="fr")
    phone = connect(code=room["code"], role="participant")
    brainstorm = moderator.emit("create_activity", {"type": "brainstorm", "prompt": "Idées ?", "config": {}},
                                callback=True)["activity_id"]
    moderator.emit("set_phase", {"activity_id": brainstorm, "phase": "open"}, callback=True)
    for text in ("Accès aux soins à l'hôpital", "Soins gratuits pour tous", "Carte de séjour"):
        phone.emit("submit_idea", {"activity_id": brainstorm, "text": text, "op_id": op()}, callback=True)
    ack = moderator.emit("suggest_clusters", {"activity_id": brainstorm}, callback=True)
    assert ack["ok"] is True
    assert sorted(idea["text"] for suggestion in ack["suggestions"] for idea in suggestion["ideas"]) == [
        "Accès aux soins à l'hôpital", "Carte de séjour", "Soins gratuits pour tous"]


def test_every_clustering_and_promotion_command_over_the_socket(connect, room) -> None:
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    phone = connect(code=room["code"], role="participant")
    brainstorm = moderator.emit("create_activity", {"type": "brainstorm", "prompt": "Idées ?", "config": {}},
                                callback=True)["activity_id"]
    moderator.emit("set_phase", {"activity_id": brainstorm, "phase": "open"}, callback=True)
    ideas = [phone.emit("submit_idea", {"activity_id": brainstorm, "text": text, "op_id": op()}, callback=True)["idea_id"]
             for text in ("Hôpital", "AMO", "École", "Cantine")]

    def call(event: str, **payload):  # type: ignore[no-untyped-def]
        ack = moderator.emit(event, {"activity_id": brainstorm, "op_id": op(), **payload}, callback=True)
        assert ack["ok"] is True, (event, ack)
        return ack

    health = call("create_cluster", label="Santé")["cluster_id"]
    school = call("create_cluster", label="École", idea_ids=ideas[2:])["cluster_id"]
    call("move_ideas", idea_ids=ideas[:2], cluster_id=health)
    call("rename_cluster", cluster_id=health, label="Santé et AMO")
    split = call("split_cluster", cluster_id=school, idea_ids=[ideas[3]], label="Cantine")["cluster_id"]
    call("merge_clusters", target_id=school, source_ids=[split])
    call("delete_cluster", cluster_id=school)
    call("move_ideas", idea_ids=[ideas[2]], cluster_id=None)
    axis = call("promote_to_axis", cluster_ids=[health], theme="sante")["axis_id"]
    assert isinstance(axis, int)
    assert received(moderator, "promoted_clusters")[-1]["promoted"] == {
        str(brainstorm): {str(health): {"id": axis, "code": "A1", "title": "Santé et AMO"}}}
    assert call("promote_to_axis", cluster_ids=[health]) == {"ok": True, "axis_id": axis, "existing": True,
                                                             "code": "A1"}
    refused = moderator.emit("promote_to_axis", {"activity_id": brainstorm, "cluster_ids": [school]}, callback=True)
    assert refused["error"]["code"] == "unknown_cluster"  # deleted clusters cannot become axes
    kinds = [entry["kind"] for entry in moderator.emit("get_clustering_log", {"activity_id": brainstorm},
                                                       callback=True)["log"]]
    assert kinds == ["promote_to_axis", "move_ideas", "delete_cluster", "merge_clusters", "split_cluster", "rename_cluster", "move_ideas",
                     "create_cluster", "create_cluster"]


def test_the_author_alone_hears_that_their_idea_was_hidden(connect, room) -> None:
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    author = connect(code=room["code"], role="participant")
    other = connect(code=room["code"], role="participant")
    brainstorm = moderator.emit("create_activity", {"type": "brainstorm", "prompt": "Idées ?", "config": {}},
                                callback=True)["activity_id"]
    moderator.emit("set_phase", {"activity_id": brainstorm, "phase": "open"}, callback=True)
    idea = author.emit("submit_idea", {"activity_id": brainstorm, "text": "Hors sujet", "op_id": op()},
                       callback=True)["idea_id"]
    author.get_received()
    other.get_received()
    assert moderator.emit("hide_idea", {"idea_id": idea, "op_id": op()}, callback=True)["ok"] is True
    assert received(author, "my_idea_changed") == [{"idea": {"id": idea, "activity_id": brainstorm, "hidden": True,
                                                             "approved": True}}]
    assert received(other, "my_idea_changed") == []


def test_moderator_renames_the_room_and_sets_the_meeting_identity(connect, room) -> None:  # type: ignore[no-untyped-def]
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    ack = moderator.emit("edit_room", {"name": "Atelier papiers", "theme": "Accès aux documents"}, callback=True)
    assert ack["ok"] and ack["room"]["name"] == "Atelier papiers" and ack["room"]["theme"] == "Accès aux documents"
    ack = moderator.emit("edit_event", {"place": "Rabat", "dates": "2026-12-12", "vision": "Des droits"}, callback=True)
    assert ack["ok"] and ack["identity"]["dates"] == ["2026-12-12"] and ack["identity"]["strategy"]["vision"] == "Des droits"
    refused = moderator.emit("edit_event", {"dates": "demain"}, callback=True)
    assert refused["ok"] is False and refused["error"]["code"] == "invalid_date"
    phone = connect(code=room["code"], role="participant")
    assert phone.emit("edit_room", {"name": "Piraté"}, callback=True)["error"]["code"] == "forbidden"
