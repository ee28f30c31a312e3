/** Hearing radar: what the API, the web and the command line may use (`@innspill/domain`). */
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
  proposeFromAddress,
  proposeFromAddressInput,
  radarItemInput,
  updateRadarSource,
  updateRadarSourceInput,
} from "./inbox";
