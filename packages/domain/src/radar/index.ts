/** The hearing radar (issue #32): use-cases that take an actor. The worker's side is in `@innspill/domain/worker`. */
export {
  acceptRadarItem,
  checkRadarSourceNow,
  dismissRadarItem,
  dismissRadarItemInput,
  followRadarTopic,
  followTopicInput,
  listRadarItems,
  listRadarItemsInput,
  listRadarSources,
  listRadarTopics,
  pollRadarNow,
  pollRadarNowInput,
  proposeFromAddress,
  proposeFromAddressInput,
  radarItemInput,
  updateRadarSource,
  updateRadarSourceInput,
  type RadarItemView,
} from "./inbox";
export { RADAR_SOURCES, type RadarConfig, type RadarSourceName } from "./config";
