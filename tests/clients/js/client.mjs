// obs-websocket-js against an obs-websocket server, as its README uses it: connect with a password, call,
// callBatch, event listeners. Prints one JSON line of what it saw; the Python test judges it.
// Usage: node client.mjs ws://127.0.0.1:PORT PASSWORD json|msgpack
import { OBSWebSocket as JsonClient } from 'obs-websocket-js/json';
import { OBSWebSocket as MsgpackClient } from 'obs-websocket-js/msgpack';

const [url, password, encoding] = process.argv.slice(2);
const obs = encoding === 'msgpack' ? new MsgpackClient() : new JsonClient();
const seen = [];
const report = { encoding };
obs.on('CurrentProgramSceneChanged', (event) => seen.push(['CurrentProgramSceneChanged', event.sceneName]));
obs.on('InputMuteStateChanged', (event) => seen.push(['InputMuteStateChanged', event.inputName, event.inputMuted]));
obs.on('StreamStateChanged', (event) => seen.push(['StreamStateChanged', event.outputState]));

const waitFor = async (predicate, ms = 5000) => {
  const until = Date.now() + ms;
  while (!predicate() && Date.now() < until) await new Promise((done) => setTimeout(done, 20));
};

try {
  const identified = await obs.connect(url, password, { rpcVersion: 1 });
  report.negotiatedRpcVersion = identified.negotiatedRpcVersion;
  report.obsWebSocketVersion = identified.obsWebSocketVersion;
  const version = await obs.call('GetVersion');
  report.obsVersion = version.obsVersion;
  const { scenes, currentProgramSceneName } = await obs.call('GetSceneList');
  report.scenes = scenes.map((scene) => scene.sceneName);
  report.programBefore = currentProgramSceneName;
  await obs.call('SetCurrentProgramScene', { sceneName: '直播中' });
  const { inputs } = await obs.call('GetInputList');
  report.inputs = inputs.map((input) => input.inputName);
  const { inputMuted } = await obs.call('ToggleInputMute', { inputName: '麦克风' });
  report.muted = inputMuted;
  await obs.call('StartStream');
  const stats = await obs.call('GetStats');
  report.activeFps = stats.activeFps;
  const batch = await obs.callBatch([
    { requestType: 'GetStreamStatus' },
    { requestType: 'Sleep', requestData: { sleepMillis: 20 } },
    { requestType: 'StopStream' },
    { requestType: 'GetInputVolume', requestData: { inputName: '没有这个输入' } },
  ]);
  report.batch = batch.map((result) => [result.requestType, result.requestStatus.code]);
  report.streamActiveInBatch = batch[0].responseData.outputActive;
  try {
    await obs.call('SetCurrentProgramScene', { sceneName: '没有这个场景' });
    report.error = null;
  } catch (error) {
    report.error = [error.code, error.message];
  }
  // As on a real OBS, the program scene changes when the transition has run (300 ms in the demo room).
  await waitFor(
    () =>
      seen.some((event) => event[1] === 'OBS_WEBSOCKET_OUTPUT_STOPPED') &&
      seen.some((event) => event[0] === 'CurrentProgramSceneChanged'),
  );
  report.events = seen;
  await obs.disconnect();
  console.log(JSON.stringify(report));
} catch (error) {
  console.log(JSON.stringify({ ...report, failure: String(error), code: error.code ?? null }));
  process.exitCode = 1;
  await obs.disconnect();
}
